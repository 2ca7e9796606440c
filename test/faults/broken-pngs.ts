// Broken PNG files as they reach toMatchImageSnapshot: each is refused before it could become a reference.
import { crc32, deflateSync } from 'node:zlib'
import { cardPng, pngWithHeader } from '../matchers/images.js'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13)
  data.writeUInt32BE(width, 0)
  data.writeUInt32BE(height, 4)
  data[8] = 8 // bit depth
  data[9] = 6 // RGBA
  return chunk('IHDR', data)
}

/** A valid card whose IDAT data is overwritten with bytes that do not inflate (its CRC recomputed). */
function corruptIdat(): Buffer {
  const png = cardPng()
  const idat = png.indexOf('IDAT', 8, 'latin1') - 4
  const length = png.readUInt32BE(idat)
  const garbage = Buffer.alloc(length, 0xab)
  return Buffer.concat([png.subarray(0, idat), chunk('IDAT', garbage), png.subarray(idat + 12 + length)])
}

/** A 1×1 image whose IDAT inflates to 64 MiB: a decompression bomb. */
function idatBomb(): Buffer {
  return Buffer.concat([SIGNATURE, ihdr(1, 1), chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024 * 1024))), chunk('IEND', Buffer.alloc(0))])
}

/** Each broken kind the fault review found, by name. */
export function brokenPngs(): Record<string, Buffer> {
  const card = cardPng()
  return {
    'signature only': Buffer.from(SIGNATURE),
    truncated: card.subarray(0, Math.floor(card.length / 2)),
    'corrupt IDAT': corruptIdat(),
    'header claiming 100000×100000': pngWithHeader(100_000, 100_000),
    'IDAT bomb': idatBomb(),
  }
}
