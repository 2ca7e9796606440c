import path from 'node:path'
import { appFolderOf } from './app-root.js'
import { checkArgument, checkOptions } from './check-options.js'
import { ImgmetaError } from './errors.js'
import { djb2 } from './hash.js'
import { PAGE_EXTENSIONS, PATH } from './option-rules.js'

/** The four metadata image file conventions that may be generated from code. */
export type Convention = 'icon' | 'apple-icon' | 'opengraph-image' | 'twitter-image'

/** Values of a route's dynamic segments, as Next passes them: catch-alls as arrays. */
export type Params = Record<string, string | string[] | undefined>

/** What a folder between the app root and the image file does to the URL. */
export type SegmentKind = 'static' | 'group' | 'slot' | 'dynamic' | 'catch-all' | 'optional-catch-all'

/** One folder between the app root and the image file, as written on disk. */
export interface RouteSegment {
  raw: string
  kind: SegmentKind
  /** The param name for dynamic kinds. */
  name?: string
}

/** A dynamic segment of the route, in the shape `params` takes at run time. */
export interface RouteParam {
  name: string
  kind: 'single' | 'catch-all' | 'optional-catch-all'
}

/** An image route file understood the way Next's build understands it. */
export interface ImageRoute {
  /** The file path as given, with `/` separators. */
  file: string
  /** The app root the route was found under (`app` or `src/app`, or the `appDir` option). */
  appDir: string
  convention: Convention
  /** The digit of a numbered variant (`icon2.tsx` → 2), else undefined. */
  variant: number | undefined
  /** The file's base name without extension: `icon2`. */
  name: string
  /** `code` runs generateImageMetadata and the default export; `static` files are served as they are. */
  source: 'code' | 'static'
  extension: string
  segments: RouteSegment[]
  params: RouteParam[]
  /** The app-relative folder path as written, with groups and brackets: `/(group)/dynamic/[size]`. */
  parentPath: string
  /** The URL path without id, dynamic parts in brackets: `/dynamic/[size]/icon-ahg52g`. */
  pathTemplate: string
  /** The 6-character group/slot suffix, or undefined when no parent folder is a group or slot. */
  suffix: string | undefined
}

/** File extensions Next runs as code for metadata routes when `pageExtensions` is not configured. */
export const DEFAULT_PAGE_EXTENSIONS: readonly string[] = ['js', 'jsx', 'ts', 'tsx']

/** Static file extensions each convention accepts (`is-metadata-route.ts`). */
export const STATIC_EXTENSIONS: Readonly<Record<Convention, readonly string[]>> = {
  icon: ['ico', 'jpg', 'jpeg', 'png', 'svg'],
  'apple-icon': ['jpg', 'jpeg', 'png'],
  'opengraph-image': ['jpg', 'jpeg', 'png', 'gif'],
  'twitter-image': ['jpg', 'jpeg', 'png', 'gif'],
}

/** Every convention, longest first so that `apple-icon` is not read as `icon`. */
export const CONVENTIONS: readonly Convention[] = ['opengraph-image', 'twitter-image', 'apple-icon', 'icon']

const FILE_NAME = /^(opengraph-image|twitter-image|apple-icon|icon)(\d)?\.([A-Za-z0-9]+)$/

/** Options shared by the functions that turn a path into a route. */
export interface ParseImageRouteOptions {
  /** The app root. Pass it for absolute paths: a project folder named `app` (Docker's `/app`) is otherwise taken for it. */
  appDir?: string
  pageExtensions?: readonly string[]
}

/**
 * Reads a file path as Next reads it: returns the image route, or null when the path is not a metadata image
 * route (another file name, outside the app root, or below a `_private` folder).
 */
export function parseImageRoute(file: string, options: ParseImageRouteOptions = {}): ImageRoute | null {
  checkArgument('parseImageRoute', 'file', file, PATH)
  checkOptions('parseImageRoute', options, { appDir: PATH, pageExtensions: PAGE_EXTENSIONS })
  const normalized = toPosix(file)
  const located = locateInApp(normalized, options.appDir)
  if (!located) return null
  const { appDir, relative } = located
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.')
  const base = parts.pop()
  if (base === undefined) return null

  const match = FILE_NAME.exec(base)
  if (!match) return null
  const convention = match[1] as Convention
  const variantDigit = match[2]
  const extension = match[3] as string
  const pageExtensions = options.pageExtensions ?? DEFAULT_PAGE_EXTENSIONS
  const source = pageExtensions.includes(extension)
    ? 'code'
    : STATIC_EXTENSIONS[convention].includes(extension.toLowerCase())
      ? 'static'
      : null
  if (source === null) return null

  const segments: RouteSegment[] = []
  for (const raw of parts) {
    const segment = readSegment(raw)
    if (segment === null) return null
    segments.push(segment)
  }

  const name = base.slice(0, base.length - extension.length - 1)
  const parentPath = '/' + parts.join('/')
  const suffix = segments.some((s) => s.kind === 'group' || s.kind === 'slot') ? routeSuffix(parentPath) : undefined
  const urlName = `${name}${suffix ? `-${suffix}` : ''}${source === 'static' ? `.${extension}` : ''}`
  const urlParts = segments.flatMap((s) => urlTemplatePart(s))

  return {
    file: normalized,
    appDir,
    convention,
    variant: variantDigit === undefined ? undefined : Number(variantDigit),
    name,
    source,
    extension,
    segments,
    params: segments.flatMap((s) => (s.name === undefined ? [] : [{ name: s.name, kind: paramKind(s.kind) }])),
    parentPath,
    pathTemplate: '/' + [...urlParts, urlName].join('/'),
    suffix,
  }
}

/**
 * The 6-character suffix Next appends to image routes whose parent path holds a route group or a parallel
 * slot, so that `(a)/icon` and `(b)/icon` do not collide: base-36 djb2 of the parent path as written.
 */
export function routeSuffix(parentPath: string): string {
  return djb2(parentPath).toString(36).slice(0, 6)
}

/**
 * The URL path of an image route for the given params, without id and query: `/shop/a/opengraph-image`.
 * Params are `encodeURIComponent`-ed; a required param that is missing is an error naming the file.
 */
export function imageRoutePath(route: ImageRoute, params: Params = {}): string {
  const out: string[] = []
  for (const segment of route.segments) {
    if (segment.kind === 'static') out.push(segment.raw)
    if (segment.name === undefined) continue
    const value = params[segment.name]
    if (segment.kind === 'dynamic') {
      if (typeof value !== 'string') throw missingParam(route, segment, 'a string')
      out.push(encodeURIComponent(value))
    } else if (value === undefined && segment.kind === 'optional-catch-all') {
      continue
    } else {
      if (!Array.isArray(value)) throw missingParam(route, segment, 'an array of strings')
      out.push(...value.map((v) => encodeURIComponent(String(v))))
    }
  }
  const last = route.pathTemplate.slice(route.pathTemplate.lastIndexOf('/') + 1)
  return '/' + [...out, last].join('/')
}

/** True when the route sits below a `[...x]` or `[[...x]]` folder, where Next cannot serve generated ids. */
export function isUnderCatchAll(route: ImageRoute): boolean {
  return route.params.some((p) => p.kind !== 'single')
}

function missingParam(route: ImageRoute, segment: RouteSegment, expected: string): ImgmetaError {
  return new ImgmetaError(
    'missing-param',
    `${route.file}: route ${route.pathTemplate} needs param "${segment.name}" (${segment.raw}) as ${expected}; ` +
      `pass it in params, or give the page a generateStaticParams that returns it.`,
  )
}

function readSegment(raw: string): RouteSegment | null {
  if (raw.startsWith('_')) return null
  if (raw.startsWith('(') && raw.endsWith(')')) return { raw, kind: 'group' }
  if (raw.startsWith('@')) return { raw, kind: 'slot' }
  let m = /^\[\[\.\.\.([^\]]+)\]\]$/.exec(raw)
  if (m) return { raw, kind: 'optional-catch-all', name: m[1] as string }
  m = /^\[\.\.\.([^\]]+)\]$/.exec(raw)
  if (m) return { raw, kind: 'catch-all', name: m[1] as string }
  m = /^\[([^\]]+)\]$/.exec(raw)
  if (m) return { raw, kind: 'dynamic', name: m[1] as string }
  return { raw, kind: 'static' }
}

function urlTemplatePart(segment: RouteSegment): string[] {
  if (segment.kind === 'group' || segment.kind === 'slot') return []
  return [segment.raw]
}

function paramKind(kind: SegmentKind): RouteParam['kind'] {
  if (kind === 'catch-all') return 'catch-all'
  if (kind === 'optional-catch-all') return 'optional-catch-all'
  return 'single'
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/')
}

/** Splits a path into the app root and the path inside it; null when the file is not under an app root. */
function locateInApp(file: string, appDir: string | undefined): { appDir: string; relative: string } | null {
  if (appDir !== undefined) {
    // A relative appDir against an absolute file (or the reverse) is taken relative to the working folder.
    const comparable = isAbsolutePath(file) !== isAbsolutePath(appDir) ? path.resolve(appDir) : appDir
    const given = isAbsolutePath(file) === isAbsolutePath(comparable) ? comparable : path.relative(process.cwd(), comparable)
    const root = toPosix(given).replace(/\/+$/, '')
    const prefix = root === '' || root === '.' ? '' : root + '/'
    if (prefix !== '' && !file.startsWith(prefix)) {
      // A relative file against an absolute appDir (or the reverse) cannot be compared: treat it as not inside.
      return null
    }
    return { appDir: root, relative: file.slice(prefix.length) }
  }
  // The app folder of the project the file belongs to, when the file is on this machine.
  const found = isAbsolutePath(file) ? appFolderOf(file) : undefined
  if (found !== undefined && file.startsWith(found + '/')) return { appDir: found, relative: file.slice(found.length + 1) }
  const parts = file.split('/')
  const index = parts.indexOf('app')
  if (index === -1) return null
  return { appDir: parts.slice(0, index + 1).join('/'), relative: parts.slice(index + 1).join('/') }
}

/** An absolute path on this platform (Windows drive paths count only on Windows, where path.isAbsolute says so). */
function isAbsolutePath(p: string): boolean {
  return path.isAbsolute(p)
}
