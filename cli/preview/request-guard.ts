import { realpathSync } from 'node:fs'
import path from 'node:path'

/** Host names the preview answers to; anything else is a DNS-rebinding attempt or a foreign page. */
const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost']

/**
 * True when the request's `Host` names this server on loopback and its `Origin` (when sent) is this server:
 * a page on another site, or a rebound DNS name, is refused.
 */
export function isAllowedRequest(headers: { host?: string | undefined; origin?: string | undefined }, port: number): boolean {
  const allowedHosts = LOOPBACK_HOSTS.map((h) => `${h}:${port}`)
  if (!headers.host || !allowedHosts.includes(headers.host.toLowerCase())) return false
  if (headers.origin !== undefined) {
    const allowedOrigins = allowedHosts.map((h) => `http://${h}`)
    if (!allowedOrigins.includes(headers.origin.toLowerCase())) return false
  }
  return true
}

/**
 * Resolves a URL path below `base` to a file inside `dir`, or undefined when it would leave `dir` (`..`,
 * encoded separators, absolute paths, NUL) or does not end with one of `extensions`.
 */
export function resolveInside(dir: string, urlPath: string, extensions: readonly string[]): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\') || path.isAbsolute(decoded)) return undefined
  const parts = decoded.split('/')
  if (parts.some((p) => p === '..' || p === '.')) return undefined
  const file = path.resolve(dir, decoded)
  const relative = path.relative(path.resolve(dir), file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  if (!extensions.some((ext) => file.toLowerCase().endsWith(ext))) return undefined
  // A symbolic link inside the folder may point anywhere: what is served must really lie inside it.
  if (!realpathInside(dir, file)) return undefined
  return file
}

function realpathInside(dir: string, file: string): boolean {
  let real: string
  try {
    real = realpathSync(file)
  } catch {
    // Not there (yet): the caller answers 404; nothing outside is read.
    return true
  }
  const relative = path.relative(realpathSync(dir), real)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}
