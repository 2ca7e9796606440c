// next/og's refusal of image sources on local and private addresses ("SSRF protection"), as satori 0.29 (the
// layout engine of next 16.4's next/og) applies it to every `<img src>` and CSS `url()` before fetching: the
// same URLs are refused here, with the same words, so a card that fails in production fails in the check too.
// Earlier releases (14.2–16.1, satori 0.10/0.15) have no such check and fetch any http(s) URL; the renderer
// applies this rule only for a release that has it (OgRelease.blocksPrivateImageHosts). Host names are not
// resolved (satori does not either): only literals and local names.

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/

function isBlockedIpv4(address: string): boolean {
  const parts = address.split('.').map((part) => Number.parseInt(part, 10))
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return true
  const [a, b, c] = parts as [number, number, number, number]
  return (
    a === 0 ||
    a === 10 ||
    (a === 100 && b >= 64 && b <= 127) ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  )
}

/** The IPv4 address an IPv4-mapped or -translated IPv6 literal carries, if it is one. */
function embeddedIpv4(address: string): string | undefined {
  const dotted = /^(?:::ffff:|64:ff9b::|::)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(address)
  if (dotted) return dotted[1]
  const hex = /^(?:::ffff:|64:ff9b::|::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address)
  if (!hex) return undefined
  const high = Number.parseInt(hex[1]!, 16)
  const low = Number.parseInt(hex[2]!, 16)
  return `${(high >> 8) & 255}.${high & 255}.${(low >> 8) & 255}.${low & 255}`
}

function isBlockedIpv6(address: string): boolean {
  const v4 = embeddedIpv4(address)
  if (v4 !== undefined) return isBlockedIpv4(v4)
  return (
    address === '::' ||
    address === '::1' ||
    address.startsWith('fc') ||
    address.startsWith('fd') ||
    /^fe[89ab]/.test(address) ||
    /^fe[c-f]/.test(address) ||
    address.startsWith('ff') ||
    /^2001:0?db8(?::|$)/.test(address)
  )
}

/** True when next/og (satori 0.29) refuses to load an image from `url`: not http(s), a local name, or a local/private IP literal. */
export function isBlockedImageUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return true
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true
  let host = parsed.hostname.toLowerCase()
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true
  if (IPV4.test(host)) return isBlockedIpv4(host)
  return host.includes(':') ? isBlockedIpv6(host) : false
}
