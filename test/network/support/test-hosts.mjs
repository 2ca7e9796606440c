// Preloaded (NODE_OPTIONS=--import) into the imgmeta command and its vitest workers by the network tests:
// - host names under `.imgmeta.test` resolve to 127.0.0.1, standing in for a CDN, a CMS and an emoji source;
// - with IMGMETA_TEST_FORWARD set (`cdn.jsdelivr.net:443>40123,…`), those names resolve to 127.0.0.1 too and a
//   connect to that host and port goes to the given local port instead: the emoji test serves next/og's fixed
//   https CDN URLs from a local HTTPS server (its certificate is trusted through NODE_EXTRA_CA_CERTS);
// - with IMGMETA_TEST_CONNECT_LOG set, every socket connect is appended to that file (host and port), so a test
//   can assert that a replaying check opened none.
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'
import net from 'node:net'

const TEST_HOST = /\.imgmeta\.test\.?$/i

/** `host:port` → local port, from IMGMETA_TEST_FORWARD. */
const forwards = new Map(
  (process.env.IMGMETA_TEST_FORWARD ?? '')
    .split(',')
    .filter(Boolean)
    .map((rule) => {
      const [from, to] = rule.split('>')
      return [from.toLowerCase(), Number(to)]
    }),
)
const forwardedHosts = new Set([...forwards.keys()].map((key) => key.slice(0, key.lastIndexOf(':'))))

const lookup = dns.lookup
dns.lookup = function (hostname, options, callback) {
  if (typeof hostname === 'string' && (TEST_HOST.test(hostname) || forwardedHosts.has(hostname.toLowerCase()))) {
    const done = typeof options === 'function' ? options : callback
    const all = typeof options === 'object' && options !== null && options.all
    queueMicrotask(() => (all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)))
    return {}
  }
  return lookup.apply(this, arguments)
}

if (forwards.size > 0) {
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function (...args) {
    const first = args[0]
    if (typeof first === 'object' && first !== null && !Array.isArray(first) && typeof first.host === 'string') {
      const to = forwards.get(`${first.host.toLowerCase()}:${first.port}`)
      if (to !== undefined) args[0] = { ...first, port: to }
    }
    return connect.apply(this, args)
  }
}

// Installed after the forwarding, so that it runs first and logs the host and port the client asked for.
const logFile = process.env.IMGMETA_TEST_CONNECT_LOG
if (logFile) {
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function (...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0]
    const target =
      typeof first === 'object' && first !== null
        ? { host: first.host ?? 'localhost', port: first.port, path: first.path }
        : typeof first === 'string' && !/^\d+$/.test(first)
          ? { path: first }
          : { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first }
    appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, ...target })}\n`)
    return connect.apply(this, args)
  }
}
