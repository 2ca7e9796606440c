import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { importModule, listAppFiles, type ModuleLoader } from './app.js'
import { checkArgument, checkOptions } from './check-options.js'
import { DEFAULT_TIMEOUT_MS } from './deadline.js'
import { ImgmetaError } from './errors.js'
import { matchImageRequest } from './handler.js'
import { headTags, nextImageObject, socialImageTags, twitterCardTag, type HeadTag, type SocialImage } from './head-tags.js'
import type { ImageRouteModule } from './image-route-module.js'
import { readImageDimensions } from './image-size.js'
import { DEFAULT_NEXT_MAJOR, type NextMajor } from './next-version.js'
import { metadataItems, type Bundler } from './metadata-items.js'
import { LOADER, METADATA_BASE, NEXT_VERSION, PAGE_EXTENSIONS, PATH, STRING, TIMEOUT_MS, oneOf } from './option-rules.js'
import { queryHash } from './query-hash.js'
import { absoluteUrl, isSocialConvention, resolveImageMetadata, type ResolvedImage } from './resolve.js'
import { DEFAULT_PAGE_EXTENSIONS, imageRoutePath, parseImageRoute, type ImageRoute, type Params, type RouteSegment } from './route.js'

/** Options of pageImageTags. */
export interface PageImageTagsOptions {
  nextVersion?: NextMajor
  /** Overrides every `metadataBase`; without one, Next falls back to `http://localhost:$PORT` (3000). */
  metadataBase?: string | URL
  /** Loads layouts, pages and image routes; default `import()` (vitest and tsx handle TSX). */
  load?: ModuleLoader
  timeoutMs?: number
  pageExtensions?: readonly string[]
  /** The bundler of the build to reproduce: they order parallel slots differently. Default: Turbopack on 16, else webpack. */
  bundler?: Bundler
}

const PAGE_IMAGE_TAGS_OPTIONS = {
  nextVersion: NEXT_VERSION,
  metadataBase: METADATA_BASE,
  load: LOADER,
  timeoutMs: TIMEOUT_MS,
  pageExtensions: PAGE_EXTENSIONS,
  bundler: oneOf(['turbopack', 'webpack']),
}

/** MIME types of static image files, by extension, as Next's `imageExtMimeTypeMap` maps them. */
const STATIC_MIME: Readonly<Record<string, string>> = {
  ico: 'image/x-icon',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  svg: 'image/svg+xml',
}

interface SegmentMetadata {
  metadataBase?: unknown
  openGraph?: { images?: unknown }
  twitter?: { images?: unknown }
  icons?: unknown
}

/**
 * Every icon `<link>` and og/twitter image `<meta>` Next renders for a page, in its order: og images, twitter
 * images (falling back to og, with `twitter:card`), then icons, with the root `favicon.ico` first. Segments are
 * resolved in Next's order (see metadataItems), parallel slots that render for the URL included: the last one
 * with images of a kind wins, file images giving way to the same step's `metadata` images. Static `metadata`
 * exports of layouts and pages count; `generateMetadata` is not run.
 */
export async function pageImageTags(appDir: string, pathname: string, options: PageImageTagsOptions = {}): Promise<HeadTag[]> {
  checkArgument('pageImageTags', 'appDir', appDir, PATH)
  checkArgument('pageImageTags', 'pathname', pathname, { accepts: 'a URL path starting with "/", such as "/blog/hats"', test: (v) => STRING.test(v) && (v as string).startsWith('/') })
  checkOptions('pageImageTags', options, PAGE_IMAGE_TAGS_OPTIONS)
  const version = options.nextVersion ?? DEFAULT_NEXT_MAJOR
  const load = options.load ?? importModule
  const extensions = options.pageExtensions ?? DEFAULT_PAGE_EXTENSIONS
  const root = appDir.replace(/\\/g, '/').replace(/\/+$/, '')
  const files = await listAppFiles(root)
  const page = findPage(root, files, pathname, extensions)
  if (!page) {
    throw new ImgmetaError('no-such-page', `${appDir} has no page for ${pathname}: expected a page.{${extensions.join(',')}} whose folders match it.`)
  }
  const routes = files.flatMap((f) => parseImageRoute(f, { appDir: root, pageExtensions: extensions }) ?? [])
  // 14 and 15 hand a page's params to its image routes still percent-encoded (`sun%20hat`), so their URLs are
  // encoded twice (`sun%2520hat`), as real 14.2 and 15.5 builds show; 16 decodes them.
  const pageParams = version === 16 ? page.params : reencodeParams(page.params)

  // og/twitter images as the objects Next prints: their key order is what 14 and 15 follow.
  let og: SocialImage[] | undefined
  let twitter: SocialImage[] | undefined
  let icons: ResolvedImage[] = []
  let apple: ResolvedImage[] = []
  let metadataIcons: HeadTag[] | undefined
  let metadataBase: string | URL | undefined
  let favicon: ResolvedImage | undefined

  const pageFolder = page.segments.map((s) => `/${s.raw}`).join('')
  const bundler = options.bundler ?? (version === 16 ? 'turbopack' : 'webpack')
  const items = metadataItems({ root, files, pageFolder, extensions, nextVersion: version, bundler })
  const resolvedRoutes = new Map<string, Promise<ResolvedImage[]>>()
  const faviconFile = files.includes(`${root}/favicon.ico`) ? `${root}/favicon.ico` : undefined
  for (const [index, item] of items.entries()) {
    const metadata = item.module ? ((await load(item.module)) as { metadata?: SegmentMetadata } | undefined)?.metadata : undefined
    if (metadata) {
      if (metadata.metadataBase) metadataBase = metadata.metadataBase as string | URL
      if (metadata.openGraph) og = userImages(metadata.openGraph.images)
      if (metadata.twitter) twitter = userImages(metadata.twitter.images)
      if (metadata.icons) metadataIcons = userIcons(metadata.icons)
    }
    if (item.folder === undefined) continue
    const here = routes.filter((r) => r.parentPath === (item.folder || '/'))
    const has = (convention: ImageRoute['convention']) => here.some((r) => r.convention === convention)
    // The root folder's icons start with favicon.ico, which Next takes out of the first two steps only (the
    // root layout's, and the first segment's or root page's): a webpack tree that pairs the root folder with a
    // later step shows it again among the icons.
    if (index === 0 && faviconFile) favicon = await staticImage(faviconFile, '/favicon.ico', 'icon')
    const withFavicon = item.folder === '' && favicon !== undefined && bundler === 'webpack' && index > 1
    // A folder with image files of a kind replaces that kind, even when they list no image (Next's `if (icon)`
    // on an array). og/twitter files are skipped when the same step's metadata sets images itself.
    if (has('icon') || withFavicon) icons = [...(withFavicon && favicon ? [favicon] : []), ...(await resolveAll(here, 'icon'))]
    if (has('apple-icon')) apple = await resolveAll(here, 'apple-icon')
    if (has('opengraph-image') && !Object.hasOwn(metadata?.openGraph ?? {}, 'images')) og = await socialFiles(here, 'opengraph-image')
    if (has('twitter-image') && !Object.hasOwn(metadata?.twitter ?? {}, 'images')) twitter = await socialFiles(here, 'twitter-image')
  }

  async function resolveAll(here: ImageRoute[], convention: ImageRoute['convention']): Promise<ResolvedImage[]> {
    const out: ResolvedImage[] = []
    for (const route of here.filter((r) => r.convention === convention)) out.push(...(await resolveOnce(route)))
    return out
  }

  async function socialFiles(here: ImageRoute[], convention: 'opengraph-image' | 'twitter-image'): Promise<SocialImage[]> {
    const out: SocialImage[] = []
    for (const route of here.filter((r) => r.convention === convention)) {
      for (const image of await resolveOnce(route)) out.push(nextImageObject(image, route.source))
    }
    return out
  }

  // webpack's tree can pair a folder with several steps: its routes run once.
  function resolveOnce(route: ImageRoute): Promise<ResolvedImage[]> {
    let images = resolvedRoutes.get(route.file)
    if (!images) resolvedRoutes.set(route.file, (images = resolveRoute(route, pageParams, load, version, options.timeoutMs)))
    return images
  }

  const base = options.metadataBase ?? metadataBase ?? `http://localhost:${process.env.PORT || 3000}`
  // Replacing `url` keeps its place among the keys, as Next's `{ ...item, url: resolveUrl(…) }` does.
  const absolute = (images: SocialImage[]) => images.map((i) => ({ ...i, url: absoluteUrl(String(i.url), base) }))
  const tags: HeadTag[] = []
  if (og?.length) tags.push(...socialImageTags(absolute(og), 'opengraph-image', { nextVersion: version }))
  const twitterImages = twitter?.length ? twitter : og
  if (twitterImages?.length) tags.push(twitterCardTag(), ...socialImageTags(absolute(twitterImages), 'twitter-image', { nextVersion: version }))
  if (favicon) tags.push(...headTags([favicon], 'icon'))
  if (metadataIcons) {
    tags.push(...metadataIcons)
  } else {
    tags.push(...headTags(icons, 'icon'), ...headTags(apple, 'apple-icon'))
  }
  return tags
}

async function resolveRoute(
  route: ImageRoute,
  params: Params,
  load: ModuleLoader,
  version: NextMajor,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ResolvedImage[]> {
  const routePath = imageRoutePath(route, params)
  if (route.source === 'static') return [await staticImage(route.file, routePath, route.convention)]
  const mod = (await load(route.file)) as ImageRouteModule
  return resolveImageMetadata(mod, { file: route.file, appDir: route.appDir, params, nextVersion: version, timeoutMs })
}

/** A static image file as Next's image loader describes it: type by extension, size from the header, `.alt.txt`. */
async function staticImage(file: string, routePath: string, convention: ImageRoute['convention']): Promise<ResolvedImage> {
  const bytes = await readFile(file)
  const extension = path.extname(file).slice(1).toLowerCase()
  const dimensions = extension === 'svg' ? undefined : readImageDimensions(bytes)
  const image: ResolvedImage = { id: undefined, url: `${routePath}?${await queryHash(bytes)}`, pathname: routePath, type: STATIC_MIME[extension] ?? 'image/png' }
  if (isSocialConvention(convention)) {
    if (dimensions) {
      image.width = dimensions.width
      image.height = dimensions.height
    }
    const alt = await readFile(file.slice(0, -(extension.length + 1)) + '.alt.txt', 'utf8').catch(() => undefined)
    if (alt !== undefined) image.alt = alt
  } else {
    image.sizes = dimensions ? `${dimensions.width}x${dimensions.height}` : 'any'
  }
  return image
}

/**
 * `openGraph.images` / `twitter.images` of a metadata export as Next's `resolveImages` keeps them: a string or
 * URL becomes `{ url }`, an object keeps every key in the order the user wrote them; entries without a url go.
 */
function userImages(images: unknown): SocialImage[] | undefined {
  if (images === undefined || images === null) return undefined
  const list = Array.isArray(images) ? images : [images]
  return list.flatMap((item): SocialImage[] => {
    if (typeof item === 'string' || item instanceof URL) return item ? [{ url: String(item) }] : []
    if (typeof item !== 'object' || item === null || !(item as { url?: unknown }).url) return []
    return [{ ...(item as Record<string, unknown>), url: String((item as { url: unknown }).url) }]
  })
}

/** `metadata.icons` in its string, array or `{ icon, apple, shortcut }` forms, as `<link>` tags. */
function userIcons(icons: unknown): HeadTag[] {
  const toList = (value: unknown): Array<Record<string, unknown>> =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (typeof v === 'string' || v instanceof URL ? { url: String(v) } : (v as Record<string, unknown>)))
  const isForm = typeof icons === 'object' && icons !== null && !Array.isArray(icons) && !(icons instanceof URL) && !('url' in icons)
  const form = (isForm ? icons : { icon: icons }) as { shortcut?: unknown; icon?: unknown; apple?: unknown }
  const links = (value: unknown, rel: string) =>
    toList(value).map((entry): HeadTag => {
      const { url, rel: own, ...rest } = entry
      const attributes: Record<string, string> = { rel: typeof own === 'string' ? own : rel, href: String(url) }
      for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') attributes[k] = String(v)
      return { tag: 'link', attributes }
    })
  return [...links(form.shortcut, 'shortcut icon'), ...links(form.icon, 'icon'), ...links(form.apple, 'apple-touch-icon')]
}

/** Params as 14 and 15 pass them from a page to its image routes: each value as it is written in the URL. */
function reencodeParams(params: Params): Params {
  const out: Params = {}
  for (const [name, value] of Object.entries(params)) {
    out[name] = Array.isArray(value) ? value.map(encodeURIComponent) : value === undefined ? undefined : encodeURIComponent(value)
  }
  return out
}

interface PageMatch {
  file: string
  segments: RouteSegment[]
  params: Params
}

/** Rank of a folder kind when several pages match a path: static beats dynamic beats catch-alls. */
const SPECIFICITY: Readonly<Record<RouteSegment['kind'], number>> = { static: 0, group: 0, slot: 0, dynamic: 1, 'catch-all': 2, 'optional-catch-all': 3 }

/** The page that serves `pathname`, the way Next's router prefers static over dynamic segments. */
function findPage(root: string, files: readonly string[], pathname: string, extensions: readonly string[]): PageMatch | undefined {
  const candidates: PageMatch[] = []
  for (const file of files) {
    const base = file.slice(file.lastIndexOf('/') + 1)
    if (!extensions.some((ext) => base === `page.${ext}`)) continue
    const dir = file.slice(0, file.lastIndexOf('/'))
    // Parse the folder as if it held an icon: the image route parser already knows every folder kind.
    const probe = parseImageRoute(`${dir}/icon.tsx`, { appDir: root, pageExtensions: ['tsx'] })
    if (!probe || probe.segments.some((s) => s.kind === 'slot')) continue
    const last = probe.pathTemplate.slice(probe.pathTemplate.lastIndexOf('/') + 1)
    const request = `${pathname.replace(/\/+$/, '')}/${last}`
    const match = matchImageRequest(probe, request, { withIds: false })
    if (match) candidates.push({ file, segments: probe.segments, params: match.params })
  }
  const rank = (m: PageMatch) => m.segments.filter((s) => s.kind !== 'group' && s.kind !== 'slot').map((s) => SPECIFICITY[s.kind])
  candidates.sort((a, b) => {
    const ra = rank(a)
    const rb = rank(b)
    for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
      const d = (ra[i] ?? -1) - (rb[i] ?? -1)
      if (d !== 0) return d
    }
    return 0
  })
  return candidates[0]
}
