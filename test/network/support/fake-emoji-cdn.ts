// A local HTTPS server standing in for cdn.jsdelivr.net, where next/og's `emoji` option fetches each emoji's
// SVG from fixed https URLs. It listens on 127.0.0.1 on a port the system picks, with a certificate for
// cdn.jsdelivr.net signed by the test CA (support/tls, see make-certs.sh); a child process reaches it through
// test-hosts.mjs (IMGMETA_TEST_FORWARD) and trusts it through NODE_EXTRA_CA_CERTS, so nothing leaves the machine.
import { readFileSync } from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const TLS_DIR = path.join(import.meta.dirname, 'tls')

/** Every emoji is this red disc: a drawn emoji is red pixels where the emoji is laid out. */
export const EMOJI_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><circle cx="18" cy="18" r="18" fill="#ff0000"/></svg>'

/** A running fake CDN: the environment a child process needs to reach it, the requests it served, how to stop it. */
export interface FakeEmojiCdn {
  /** IMGMETA_TEST_FORWARD and NODE_EXTRA_CA_CERTS for the child processes. */
  env: Record<string, string>
  /** `METHOD /path` of every request served, in order. */
  served: string[]
  close(): Promise<void>
}

/** Starts the fake CDN on 127.0.0.1 with an ephemeral port. */
export async function startFakeEmojiCdn(): Promise<FakeEmojiCdn> {
  const served: string[] = []
  const server = https.createServer(
    { cert: readFileSync(path.join(TLS_DIR, 'cdn.pem')), key: readFileSync(path.join(TLS_DIR, 'cdn-key.pem')) },
    (request, response) => {
      served.push(`${request.method} ${request.url}`)
      if (request.method === 'GET' && /\.svg$/.test(request.url ?? '')) {
        response.writeHead(200, { 'content-type': 'image/svg+xml' })
        return response.end(EMOJI_SVG)
      }
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
    },
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    env: { IMGMETA_TEST_FORWARD: `cdn.jsdelivr.net:443>${port}`, NODE_EXTRA_CA_CERTS: path.join(TLS_DIR, 'ca.pem') },
    served,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
