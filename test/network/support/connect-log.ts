// Reads the socket connects a run logged through test-hosts.mjs (IMGMETA_TEST_CONNECT_LOG).
import { readFileSync } from 'node:fs'

/** The socket connects a run logged, other than to loopback literals and local sockets: a replaying run must have none. */
export function nonLoopbackConnects(logFile: string): string[] {
  let text = ''
  try {
    text = readFileSync(logFile, 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { host?: string; port?: string | number; path?: string })
    .filter((c) => c.path === undefined || c.path === null)
    .filter((c) => !['127.0.0.1', '::1', 'localhost'].includes(String(c.host)))
    .map((c) => `${c.host}:${c.port}`)
}
