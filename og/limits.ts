// Every bound imgmeta/og puts on its input, named in one place so errors and docs can quote them.

/** next/og's default image width. */
export const DEFAULT_WIDTH = 1200

/** next/og's default image height. */
export const DEFAULT_HEIGHT = 630

/** The largest width or height imgmeta/og renders; larger images are refused before layout. */
export const MAX_DIMENSION = 8192

/** The largest local image file (`<img src>` or CSS `url()`) read from disk, in bytes. */
export const MAX_IMAGE_SOURCE_BYTES = 32 * 1024 * 1024

/** The largest font file accepted in `fonts`, in bytes. */
export const MAX_FONT_BYTES = 32 * 1024 * 1024

/** The deepest element tree walked (function components count as one level each). */
export const MAX_ELEMENT_DEPTH = 512

/** How many distinct custom font lists stay parsed in memory at once. */
export const FONT_CACHE_ENTRIES = 32
