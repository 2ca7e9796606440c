// Requests the network layer had to fail: an unrecorded request while replaying, a denied host, a response over
// the size bound. Route code often catches a failed fetch and draws a fallback, so the error it gets is not
// enough: the image test asks here after the route ran and fails with the request named. Kept on globalThis so
// that every copy of this module in a worker (vite's module graph and Node's) shares one list.
import { ImgmetaError } from '../../src/errors.js'

/** One failed request: method and URL as the finding shows them, and what to do. */
export interface NetworkProblem {
  request: string
  message: string
}

const PROBLEMS = Symbol.for('imgmeta.network.problems')

function problems(): NetworkProblem[] {
  const holder = globalThis as unknown as Record<symbol, NetworkProblem[] | undefined>
  return (holder[PROBLEMS] ??= [])
}

/** Notes a request that the network layer failed. */
export function reportNetworkProblem(problem: NetworkProblem): void {
  problems().push(problem)
}

/** The problems noted since the last call, emptying the list. */
export function takeNetworkProblems(): NetworkProblem[] {
  return problems().splice(0)
}

/**
 * An error for the problems noted since the last call (undefined when there were none), so that an image whose
 * route made an unrecorded request fails with that request named, whatever the route did with the failed fetch.
 */
export function networkProblemError(where: string): ImgmetaError | undefined {
  const noted = takeNetworkProblems()
  if (noted.length === 0) return undefined
  const lines = [...new Set(noted.map((p) => `  ${p.message}`))]
  return new ImgmetaError('network-request-failed', `${where}: ${noted.length === 1 ? 'a request' : `${noted.length} requests`} failed\n${lines.join('\n')}`)
}
