import { isPng } from '../src/png.js'

// PNG files as a list of chunks, for the few decisions that need no pixels: whether two files hold the same
// image data, and the render stamp (render-stamp.ts).

/** One chunk of a PNG file. */
export interface Chunk {
  type: string
  /** Offset of the chunk's length field. */
  offset: number
  /** Offset and length of its data. */
  dataStart: number
  length: number
}

/** The chunks of a well-formed PNG up to IEND; undefined when it is not one. */
export function chunksOf(png: Uint8Array): Chunk[] | undefined {
  if (!isPng(png)) return undefined
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const chunks: Chunk[] = []
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length = view.getUint32(offset)
    const dataStart = offset + 8
    if (dataStart + length + 4 > png.length) return undefined
    const type = String.fromCharCode(png[offset + 4]!, png[offset + 5]!, png[offset + 6]!, png[offset + 7]!)
    chunks.push({ type, offset, dataStart, length })
    if (type === 'IEND') return chunks
    offset = dataStart + length + 4
  }
  return undefined
}

/** The chunks that decide the pixels: IHDR, PLTE, tRNS and the image data. Text and other metadata are not. */
const PIXEL_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT'])

/**
 * True when two PNGs store their pixels in the same bytes (IHDR, palette, transparency and image data equal),
 * whatever text chunks either carries: they decode to the same image. False says nothing: the same pixels can
 * be encoded in many ways.
 */
export function sameImageChunks(a: Uint8Array, b: Uint8Array): boolean {
  const chunksA = chunksOf(a)?.filter((c) => PIXEL_CHUNKS.has(c.type))
  const chunksB = chunksOf(b)?.filter((c) => PIXEL_CHUNKS.has(c.type))
  if (!chunksA || !chunksB || chunksA.length !== chunksB.length) return false
  return chunksA.every((ca, i) => {
    const cb = chunksB[i]!
    if (ca.type !== cb.type || ca.length !== cb.length) return false
    return Buffer.from(a.buffer, a.byteOffset + ca.dataStart, ca.length).equals(Buffer.from(b.buffer, b.byteOffset + cb.dataStart, cb.length))
  })
}
