// Image dimensions read by the `image-size` package, the reader Next itself uses (compiled into next) for static
// metadata images, so imgmeta and Next agree on every file's size.
import { imageSize } from 'image-size'

/** The format and pixel size read from an image's header. */
export interface ImageDimensions {
  format: 'png' | 'jpeg' | 'gif' | 'webp' | 'ico'
  width: number
  height: number
}

/** image-size's type names of the formats metadata image files come in (SVG has no pixel size). */
const FORMATS: Readonly<Record<string, ImageDimensions['format']>> = { png: 'png', jpg: 'jpeg', gif: 'gif', webp: 'webp', ico: 'ico' }

/**
 * Reads the pixel size from the header of a PNG, JPEG, GIF, WebP or ICO (its first image, as Next reads it)
 * without decoding; undefined for other formats (SVG has no pixel size) or unreadable headers.
 */
export function readImageDimensions(bytes: Uint8Array): ImageDimensions | undefined {
  let result
  try {
    result = imageSize(bytes)
  } catch {
    // image-size throws on formats it does not know and on truncated headers.
    return undefined
  }
  const format = result.type === undefined ? undefined : FORMATS[result.type]
  if (!format || !result.width || !result.height) return undefined
  return { format, width: result.width, height: result.height }
}
