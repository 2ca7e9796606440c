// A route that fetches a file of the app by its file: URL (`fetch(new URL('./font.ttf', import.meta.url))`)
// works on Next's edge runtime only (see next-runtime/network/file-urls.ts): on the nodejs runtime next build
// fails on it, or the route answers 500. The route's code runs as that route's (`asCodeOfRoute`), and its image
// fails when the route is not on the edge runtime.
import { asCodeOfRoute, takeFileUrlFetches, type FileUrlFetch } from '../next-runtime/network/file-urls.js'
import { ImgmetaError } from '../src/errors.js'
import { displayPath } from './findings.js'

/** The code of the error a nodejs route's file: URL fetch fails its image with. */
export const FILE_URL_ON_NODEJS = 'file-url-on-nodejs'

/** True for the values of `export const runtime` that put a route on the edge runtime (13 and 14 also know the experimental name). */
function isEdgeRuntime(runtime: unknown): boolean {
  return runtime === 'edge' || runtime === 'experimental-edge'
}

/** What decides the verdict on a route's file: URL fetches: its file, its `runtime` export, its fetches while loading. */
export interface RouteCode {
  file: string
  runtime: unknown
  atLoad: readonly FileUrlFetch[]
}

/** The RouteCode of a route whose module has loaded (as its own code): the fetches its loading made are taken. */
export function loadedRouteCode(file: string, mod: object): RouteCode {
  return { file, runtime: (mod as { runtime?: unknown }).runtime, atLoad: takeFileUrlFetches(file) }
}

/**
 * Runs `work` (the route's own functions) as code of the route, then fails with a `file-url-on-nodejs` error
 * naming `where`, the file and the URL when the route, not being on the edge runtime, fetched a file: URL then or
 * while its module loaded.
 */
export async function runAsRouteCode<T>(where: string, route: RouteCode, work: () => Promise<T>): Promise<T> {
  const result = await asCodeOfRoute(route.file, work)
  const fetched = [...route.atLoad, ...takeFileUrlFetches(route.file)]
  if (fetched.length > 0 && !isEdgeRuntime(route.runtime)) {
    const urls = [...new Set(fetched.map((f) => f.url))]
    throw new ImgmetaError(
      FILE_URL_ON_NODEJS,
      `${where}: ${displayPath(route.file)} fetches ${urls.join(', ')} on the nodejs runtime, where Next cannot fetch a ` +
        `file: URL: next build fails on this route, or it answers 500 ("fetch failed"). It works with ` +
        `export const runtime = 'edge' only.`,
    )
  }
  return result
}
