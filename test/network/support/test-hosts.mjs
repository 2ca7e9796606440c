// Preloaded (NODE_OPTIONS=--import) into the imgmeta command and its vitest workers by the network tests:
// - host names under `.imgmeta.test` resolve to 127.0.0.1, standing in for a CDN, a CMS and an emoji source;
// - with IMGMETA_TEST_CONNECT_LOG set, every socket connect is appended to that file (host and port), so a test
//   can assert that a replaying check opened none.
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'
import net from 'node:net'

const TEST_HOST = /\.imgmeta\.test\.?$/i

const lookup = dns.lookup
dns.lookup = function (hostname, options, callback) {
  if (typeof hostname === 'string' && TEST_HOST.test(hostname)) {
    const done = typeof options === 'function' ? options : callback
    const all = typeof options === 'object' && options !== null && options.all
    queueMicrotask(() => (all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)))
    return {}
  }
  return lookup.apply(this, arguments)
}

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
