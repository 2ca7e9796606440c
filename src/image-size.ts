import { readPngHeader } from './png.js'

/** The format and pixel size read from an image's header. */
export interface ImageDimensions {
  format: 'png' | 'jpeg' | 'gif' | 'webp' | 'ico'
  width: number
  height: number
}

/** How far into a JPEG imgmeta scans for its frame header before giving up. */
export const MAX_JPEG_HEADER_SCAN = 1024 * 1024

/**
 * Reads the pixel size from the header of a PNG, JPEG, GIF, WebP or ICO without decoding; undefined for other
 * formats (SVG has no pixel size) or unreadable headers.
 */
export function readImageDimensions(bytes: Uint8Array): ImageDimensions | undefined {
  const b = bytes
  const ascii = (start: number, end: number) => String.fromCharCode(...b.subarray(start, end))
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 4) === 'PNG') {
    try {
      const { width, height } = readPngHeader(b)
      return { format: 'png', width, height }
    } catch {
      return undefined
    }
  }
  if (b.length >= 10 && ascii(0, 3) === 'GIF') {
    return { format: 'gif', width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) }
  }
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return readWebp(b)
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return readJpeg(b)
  if (b.length >= 8 && b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0) {
    // ICO: the first directory entry; 0 stands for 256.
    return { format: 'ico', width: b[6] || 256, height: b[7] || 256 }
  }
  return undefined
}

function readWebp(b: Uint8Array): ImageDimensions | undefined {
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!)
  if (chunk === 'VP8X') {
    return { format: 'webp', width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) }
  }
  if (chunk === 'VP8 ') {
    return { format: 'webp', width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff }
  }
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  return undefined
}

function readJpeg(b: Uint8Array): ImageDimensions | undefined {
  let i = 2
  const end = Math.min(b.length, MAX_JPEG_HEADER_SCAN)
  while (i + 9 < end) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1]!
    const length = (b[i + 2]! << 8) | b[i + 3]!
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! }
    }
    i += 2 + length
  }
  return undefined
}
