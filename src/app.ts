import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { checkArgument, checkOptions } from './check-options.js'
import { DEFAULT_TIMEOUT_MS, withDeadline } from './deadline.js'
import { ImgmetaError } from './errors.js'
import { LOADER, PAGE_EXTENSIONS, PATH, TIMEOUT_MS } from './option-rules.js'
import { parseImageRoute, DEFAULT_PAGE_EXTENSIONS, type ImageRoute, type Params } from './route.js'

/** The most files imgmeta walks in one app directory before refusing (a mis-pointed appDir, e.g. `/`). */
export const MAX_APP_FILES = 50_000

/** The most param combinations generateStaticParams may produce for one route. */
export const MAX_STATIC_PARAMS = 10_000

/** Loads a module by absolute path; vitest or vite's module runner do it for TSX. */
export type ModuleLoader = (file: string) => Promise<unknown>

/** Default loader: Node's `import()`; works for JS, and for TS/TSX under vitest or tsx. */
export const importModule: ModuleLoader = (file) => import(pathToFileURL(path.resolve(file)).href)

/** Options of findImageRoutes. */
export interface FindImageRoutesOptions {
  pageExtensions?: readonly string[]
}

/**
 * Every metadata image route (code and static files) under `appDir`, sorted by path; `_private` folders and
 * `node_modules` are skipped. Paths are `appDir` joined with the app-relative path, `/`-separated.
 */
export async function findImageRoutes(appDir: string, options: FindImageRoutesOptions = {}): Promise<ImageRoute[]> {
  checkArgument('findImageRoutes', 'appDir', appDir, PATH)
  checkOptions('findImageRoutes', options, { pageExtensions: PAGE_EXTENSIONS })
  const files = await listAppFiles(appDir)
  const routes: ImageRoute[] = []
  for (const file of files) {
    const route = parseImageRoute(file, { appDir: toPosix(appDir), ...(options.pageExtensions && { pageExtensions: options.pageExtensions }) })
    if (route) routes.push(route)
  }
  return routes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** Every file under the app directory (`/`-separated, prefixed with appDir), bounded by MAX_APP_FILES. */
export async function listAppFiles(appDir: string): Promise<string[]> {
  const root = toPosix(appDir).replace(/\/+$/, '')
  const out: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (cause) {
      if (dir === root) {
        throw new ImgmetaError('invalid-option', `app directory ${appDir} cannot be read (${(cause as Error).message}); pass the path of the app/ folder.`, { cause })
      }
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const full = `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('_') || entry.name.startsWith('.')) continue
        await walk(full)
      } else if (entry.isFile()) {
        out.push(full)
        if (out.length > MAX_APP_FILES) {
          throw new ImgmetaError('invalid-option', `${appDir} holds more than ${MAX_APP_FILES} files; pass the app/ folder of a Next project, not a larger tree.`)
        }
      }
    }
  }
  await walk(root)
  return out
}

/** Options of imageRouteParams. */
export interface ImageRouteParamsOptions {
  load?: ModuleLoader
  timeoutMs?: number
  pageExtensions?: readonly string[]
}

/**
 * The params Next builds a route for: the generateStaticParams results of the layouts from the app root down to
 * the route's folder and of that folder's page, combined as Next combines them (each parent's params are passed
 * to the child's generateStaticParams and merged into its results). `[{}]` for a route without dynamic segments;
 * `[]` when nothing provides its params.
 */
export async function imageRouteParams(route: ImageRoute, options: ImageRouteParamsOptions = {}): Promise<Params[]> {
  checkOptions('imageRouteParams', options, { load: LOADER, timeoutMs: TIMEOUT_MS, pageExtensions: PAGE_EXTENSIONS })
  if (route.params.length === 0) return [{}]
  const load = options.load ?? importModule
  const files = new Set(await listAppFiles(route.appDir))
  const extensions = options.pageExtensions ?? DEFAULT_PAGE_EXTENSIONS
  const folders = ['', ...route.segments.map((s) => s.raw)]
  const providers: string[] = []
  let dir = route.appDir
  folders.forEach((folder, depth) => {
    if (folder !== '') dir = `${dir}/${folder}`
    const names = depth === folders.length - 1 ? ['layout', 'page'] : ['layout']
    for (const name of names) {
      const file = extensions.map((ext) => `${dir}/${name}.${ext}`).find((f) => files.has(f))
      if (file) providers.push(file)
    }
  })

  let combos: Params[] | undefined
  for (const file of providers) {
    let mod: { generateStaticParams?: unknown } | undefined
    try {
      mod = (await load(file)) as typeof mod
    } catch (cause) {
      throw new ImgmetaError(
        'module-failed',
        `${shortPath(file)} could not be loaded to read its generateStaticParams, so ${shortPath(route.file)} has no params: ${firstLine(cause)}. ` +
          `Fix that import, or give the params of "${route.parentPath}" in imgmeta.config.ts (params: { "${route.parentPath}": [{ … }] }).`,
        { cause },
      )
    }
    if (typeof mod?.generateStaticParams !== 'function') continue
    const generate = mod.generateStaticParams as (props: { params: Params }) => unknown
    const parents: Params[] = combos ?? [{}]
    const next: Params[] = []
    for (const parent of parents) {
      const what = `${file}: generateStaticParams`
      const result = await withDeadline(() => generate({ params: parent }), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, what, 'generate-static-params-failed')
      if (!Array.isArray(result)) {
        throw new ImgmetaError('invalid-static-params', `${what} returned ${typeof result}; expected an array of params objects.`)
      }
      for (const child of result) next.push({ ...parent, ...(child as Params) })
      if (next.length > MAX_STATIC_PARAMS) {
        throw new ImgmetaError('invalid-static-params', `${what} produced more than ${MAX_STATIC_PARAMS} param combinations for ${route.file}; imgmeta stops there.`)
      }
    }
    combos = next
  }
  if (!combos) return []
  const names = route.params.map((p) => p.name)
  return combos.map((combo) => Object.fromEntries(names.filter((n) => n in combo).map((n) => [n, combo[n]])) as Params)
}

/** The first line of a thrown value's message, without terminal colours. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0]!.trim()
}

/** The error for a route file that cannot be imported: names the file and the first line of why. */
export function routeModuleFailed(file: string, cause: unknown): ImgmetaError {
  return new ImgmetaError('module-failed', `${shortPath(file)} could not be loaded: ${firstLine(cause)}`, { cause })
}

/** A path relative to the working folder (the project root under the imgmeta command), when it is inside it. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/')
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/')
}
