import { crc32, deflateSync } from 'node:zlib'

// imgmeta writes PNGs in one hot path each (rendered cards, diff composites). Both build their scanlines
// in place and hand them here, so the pixels are copied once: a general encoder taking RGBA would copy them again.

/** zlib level for every PNG imgmeta writes: level 1 is ~3× faster than the default and only a little larger. */
export const PNG_DEFLATE_LEVEL = 1

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const COLOR_TYPE_RGBA = 6
const IHDR_LENGTH = 13
// A chunk is its length (4), type (4), data and CRC (4).
const CHUNK_OVERHEAD = 12

/** The byte length of one scanline: a filter byte, then 4 bytes a pixel. */
export function scanlineLength(width: number): number {
  return width * 4 + 1
}

/** Allocates the scanlines of a width×height RGBA image with every filter byte set to 0 (none); pixels are left to fill. */
export function allocateScanlines(width: number, height: number): Buffer {
  const stride = scanlineLength(width)
  const rows = Buffer.allocUnsafe(stride * height)
  for (let y = 0; y < height; y++) rows[y * stride] = 0
  return rows
}

/** Writes one chunk at `offset` and returns the offset after it; the CRC covers the type and the data. */
function writeChunk(out: Buffer, offset: number, type: string, data: Uint8Array): number {
  out.writeUInt32BE(data.length, offset)
  out.write(type, offset + 4, 'ascii')
  out.set(data, offset + 8)
  out.writeUInt32BE(crc32(data, crc32(out.subarray(offset + 4, offset + 8))), offset + 8 + data.length)
  return offset + CHUNK_OVERHEAD + data.length
}

/**
 * Encodes filled 8-bit RGBA scanlines (from {@link allocateScanlines}) as a PNG: IHDR, one IDAT at zlib level
 * {@link PNG_DEFLATE_LEVEL}, IEND. The same scanlines always give the same bytes.
 */
export function encodeScanlines(rows: Uint8Array, width: number, height: number): Buffer {
  if (rows.length !== scanlineLength(width) * height) {
    throw new RangeError(`encodeScanlines: expected ${scanlineLength(width) * height} bytes for ${width}×${height}, got ${rows.length}`)
  }
  const ihdr = Buffer.alloc(IHDR_LENGTH)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = COLOR_TYPE_RGBA
  // bytes 10-12: compression 0, filter method 0, no interlace
  const idat = deflateSync(rows, { level: PNG_DEFLATE_LEVEL })
  const out = Buffer.allocUnsafe(SIGNATURE.length + 3 * CHUNK_OVERHEAD + IHDR_LENGTH + idat.length)
  out.set(SIGNATURE, 0)
  let offset = writeChunk(out, SIGNATURE.length, 'IHDR', ihdr)
  offset = writeChunk(out, offset, 'IDAT', idat)
  writeChunk(out, offset, 'IEND', new Uint8Array(0))
  return out
}
