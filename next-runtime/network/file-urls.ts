// `fetch(new URL('./Inter-Bold.ttf', import.meta.url))`: how Next 13 and 14's docs load a font for an image
// route. Next bundles the file, and on the edge runtime the fetch answers with it. On the nodejs runtime the
// fetch fails and so does the route (measured: next build 14.2.35 prerendering a nodejs route: "Failed to parse
// URL from /_next/static/media/Geist-Regular.2a99342e.ttf"; 16.4.6: "fetch failed", cause "not implemented...
// yet..."). So the network layer answers a file: URL of a file inside the project with that file, and notes
// which route fetched it, for the image test to fail a route that is not on the edge runtime.
import { AsyncLocalStorage } from 'node:async_hooks'
import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentTypeOf } from './own-origin.js'

/** One file: URL a route fetched. */
export interface FileUrlFetch {
  url: string
  /** The route file whose code (module or image function) made the request, when known. */
  routeFile: string | undefined
}

interface FileUrlState {
  routes: AsyncLocalStorage<string>
  fetches: FileUrlFetch[]
}

// On globalThis: the copies of this module in a worker (vite's module graph and Node's) share one state.
const STATE = Symbol.for('imgmeta.network.fileUrls')

function state(): FileUrlState {
  const holder = globalThis as unknown as Record<symbol, FileUrlState | undefined>
  return (holder[STATE] ??= { routes: new AsyncLocalStorage<string>(), fetches: [] })
}

/** Runs `work` (loading a route's module, or running its functions) as code of `routeFile`. */
export function asCodeOfRoute<T>(routeFile: string, work: () => T): T {
  return state().routes.run(path.resolve(routeFile), work)
}

/** The file: URL fetches of `routeFile` noted since the last call, taken off the list. */
export function takeFileUrlFetches(routeFile: string): FileUrlFetch[] {
  const { fetches } = state()
  const file = path.resolve(routeFile)
  const taken = fetches.filter((fetched) => fetched.routeFile === file)
  state().fetches = fetches.filter((fetched) => fetched.routeFile !== file)
  return taken
}

/**
 * The answer to a GET or HEAD of a file: URL: the file, when it is a file inside the project (what Next's
 * bundler would have taken in); an error naming the URL otherwise.
 */
export async function answerFileUrl(request: Request, root: string): Promise<Response | Error> {
  const url = request.url
  const shown = `fetch(${url})`
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Error(`imgmeta: ${shown}: only GET and HEAD read a file.`)
  state().fetches.push({ url, routeFile: state().routes.getStore() })
  let file: string
  try {
    file = await realpath(fileURLToPath(url))
  } catch {
    return new Error(`imgmeta: ${shown}: no such file.`)
  }
  const project = await realpath(root).catch(() => path.resolve(root))
  const relative = path.relative(project, file)
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return new Error(`imgmeta: ${shown}: the file is outside the project (${project}); Next bundles only files of the app.`)
  }
  if (!(await stat(file)).isFile()) return new Error(`imgmeta: ${shown}: not a file.`)
  const body = await readFile(file)
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { 'content-type': contentTypeOf(file), 'content-length': String(body.byteLength) },
  })
}
