// Reads the socket connects a run logged through test-hosts.mjs (IMGMETA_TEST_CONNECT_LOG).
import { readJsonLines } from '../../../next-runtime/json-lines.js'

/** The socket connects a run logged, other than to loopback literals and local sockets: a replaying run must have none. */
export function nonLoopbackConnects(logFile: string): string[] {
  return readJsonLines<{ host?: string; port?: string | number; path?: string }>(logFile)
    .filter((c) => c.path === undefined || c.path === null)
    .filter((c) => !['127.0.0.1', '::1', 'localhost'].includes(String(c.host)))
    .map((c) => `${c.host}:${c.port}`)
}
