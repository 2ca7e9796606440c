import { crc32, deflateSync } from 'node:zlib'

// The diff composite is up to three images wide: copying its pixels once more into filtered scanlines (as a
// general RGBA encoder must) costs as much as a decode. Callers here build the scanlines directly instead.

/** zlib level for diff composites: level 1 is several times faster than the default, files a little larger. */
export const DIFF_DEFLATE_LEVEL = 1

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const COLOR_TYPE_RGBA = 6

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  out.set(data, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

/** Allocates the scanline buffer of a width×height RGBA image: each row is a filter byte (0, none) and pixels. */
export function allocateScanlines(width: number, height: number): Buffer {
  const rows = Buffer.allocUnsafe((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) rows[y * (width * 4 + 1)] = 0
  return rows
}

/** Encodes 8-bit RGBA scanlines (from {@link allocateScanlines}, filled) as a PNG with one IDAT chunk. */
export function encodeScanlines(rows: Uint8Array, width: number, height: number): Buffer {
  if (rows.length !== (width * 4 + 1) * height) {
    throw new RangeError(`encodeScanlines: expected ${(width * 4 + 1) * height} bytes for ${width}×${height}`)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = COLOR_TYPE_RGBA
  const idat = deflateSync(rows, { level: DIFF_DEFLATE_LEVEL })
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))])
}
