import path from 'node:path'
import { findImageRoutes, imageRouteParams, type ModuleLoader } from '../../src/app.js'
import { checkRenderedImage } from '../../src/contract.js'
import { renderImageRoute } from '../../src/handler.js'
import { renderHeadTags } from '../../src/head-tags.js'
import type { ImageRouteModule } from '../../src/image-route-module.js'
import type { NextMajor } from '../../src/next-version.js'
import { resolveImageMetadata, type ResolvedImage } from '../../src/resolve.js'
import type { ImageRoute, Params } from '../../src/route.js'

/** Next versions whose URLs and head tags the gallery shows side by side. */
export const PREVIEW_VERSIONS: readonly NextMajor[] = [14, 15, 16]

/** The most images one gallery renders; an app with more shows the first ones and says so. */
export const MAX_GALLERY_IMAGES = 1000

/** One image of the gallery: what it declares, what it really is, and how each Next version lists it. */
export interface GalleryImage {
  key: string
  file: string
  route: ImageRoute
  params: Params
  id: string | number | undefined
  declared: { width?: number; height?: number; type: string; alt?: string }
  real?: { width: number; height: number; type: string }
  png?: Uint8Array
  /** Findings from comparing declared and real (size or type mismatch). */
  problems: string[]
  error?: string
  versions: { version: NextMajor; url: string; tags: string }[]
}

/** A route that could not be listed at all (import failed, generateImageMetadata threw, params unknown). */
export interface GalleryRouteError {
  file: string
  message: string
}

/** Everything the page shows. */
export interface Gallery {
  images: GalleryImage[]
  errors: GalleryRouteError[]
  truncated: boolean
}

/** Inputs of buildGallery. */
export interface GalleryOptions {
  root: string
  appDir: string
  load: ModuleLoader
  /** Params from the config, keyed by absolute route file. */
  params: Record<string, Params[]>
  metadataBase: string | undefined
  /** The Next major installed in the project: the images are listed and rendered as it serves them. */
  nextVersion: NextMajor
}

/** Loads every code route of the app, resolves its items for 14/15/16 and renders each image once, as the installed Next. */
export async function buildGallery(options: GalleryOptions): Promise<Gallery> {
  const routes = (await findImageRoutes(options.appDir)).filter((r) => r.source === 'code')
  const images: GalleryImage[] = []
  const errors: GalleryRouteError[] = []
  let truncated = false
  for (const route of routes) {
    const file = path.resolve(route.file)
    const relative = path.relative(options.root, file).split(path.sep).join('/')
    try {
      const mod = (await options.load(file)) as ImageRouteModule
      const paramSets = options.params[file] ?? (await imageRouteParams(route, { load: options.load }))
      if (paramSets.length === 0) {
        errors.push({
          file: relative,
          message: `${route.pathTemplate} has dynamic params but no generateStaticParams; set params for it in imgmeta.config.ts.`,
        })
        continue
      }
      for (const params of paramSets) {
        const perVersion = new Map<NextMajor, ResolvedImage[]>()
        for (const version of PREVIEW_VERSIONS) {
          const resolveOptions = { file, params, nextVersion: version, appDir: options.appDir, ...(options.metadataBase && { metadataBase: options.metadataBase }) }
          perVersion.set(version, await resolveImageMetadata(mod, resolveOptions))
        }
        const installed = perVersion.get(options.nextVersion) ?? []
        for (const [index, item] of installed.entries()) {
          if (images.length >= MAX_GALLERY_IMAGES) {
            truncated = true
            break
          }
          images.push(await galleryImage(mod, route, file, relative, params, index, item, perVersion, options, images.length))
        }
      }
    } catch (error) {
      errors.push({ file: relative, message: (error as Error).message })
    }
  }
  return { images, errors, truncated }
}

async function galleryImage(
  mod: ImageRouteModule,
  route: ImageRoute,
  file: string,
  relative: string,
  params: Params,
  index: number,
  item: ResolvedImage,
  perVersion: Map<NextMajor, ResolvedImage[]>,
  { appDir, nextVersion }: { appDir: string; nextVersion: NextMajor },
  position: number,
): Promise<GalleryImage> {
  const declared = {
    type: item.type,
    ...(item.alt !== undefined && { alt: item.alt }),
    ...sizeOf(item),
  }
  const image: GalleryImage = {
    key: String(position),
    file: relative,
    route,
    params,
    id: item.id,
    declared,
    problems: [],
    versions: PREVIEW_VERSIONS.map((version) => {
      const resolved = perVersion.get(version)?.[index]
      return {
        version,
        url: resolved?.url ?? '',
        tags: resolved ? renderHeadTags([resolved], route.convention, { nextVersion: version }) : '',
      }
    }),
  }
  try {
    const rendered = await renderImageRoute(mod, { file, params, appDir, nextVersion, ...(item.id !== undefined && { id: item.id }) })
    image.png = rendered.png
    image.real = { width: rendered.width, height: rendered.height, type: rendered.contentType }
    const facts = { width: rendered.width, height: rendered.height, contentType: rendered.contentType }
    image.problems = checkRenderedImage(itemFields(declared), facts, `[${index}]`).map((v) => v.message)
  } catch (error) {
    image.error = (error as Error).message
  }
  return image
}

function sizeOf(item: ResolvedImage): { width?: number; height?: number } {
  if (item.width !== undefined && item.height !== undefined) return { width: item.width, height: item.height }
  const match = item.sizes ? /^(\d+)x(\d+)$/.exec(item.sizes) : null
  return match ? { width: Number(match[1]), height: Number(match[2]) } : {}
}

function itemFields(declared: GalleryImage['declared']): Record<string, unknown> {
  return {
    contentType: declared.type,
    ...(declared.width !== undefined && declared.height !== undefined && { size: { width: declared.width, height: declared.height } }),
  }
}
