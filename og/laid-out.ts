// An imgmeta/og ImageResponse lays its element out at once (so layout errors surface where they always did)
// and rasterizes only when its body is read. A snapshot comparison asks for the layout through LAID_OUT: when
// the snapshot was made by a render with the same key, it matches without the image being rasterized at all.

/** An image laid out by imgmeta/og and not necessarily rasterized yet. */
export interface LaidOutImage {
  width: number
  height: number
  /** What next/og would ignore or draw differently (see RenderResult.warnings), for reports to show. */
  warnings: readonly string[]
  /** See render-key.ts: equal keys give byte-identical PNGs. */
  key: string
  /** Rasterizes and encodes the image once (later calls return the same bytes); throws an ImgmetaError on failure. */
  png(): Buffer
  /**
   * Rasterizes the image to straight RGBA pixels, afresh on every call: they are not kept, so a caller that
   * compares them and lets them go holds 4 bytes a pixel only as long as it needs them. Encoding them with
   * encodePng gives the bytes of png().
   */
  pixels(): Buffer
}

/**
 * The method through which an ImageResponse hands out its layout. A registered symbol, so that two copies of
 * imgmeta in one process (the app's and a test tool's) still understand each other.
 */
export const LAID_OUT: unique symbol = Symbol.for('imgmeta.og.laidOut') as never

interface LaidOutSource {
  [LAID_OUT](): Promise<LaidOutImage>
}

/** The layout behind an imgmeta/og ImageResponse; undefined for every other value. */
export function laidOutOf(value: unknown): Promise<LaidOutImage> | undefined {
  if (typeof value !== 'object' || value === null || !(LAID_OUT in value)) return undefined
  const source = value as LaidOutSource
  return typeof source[LAID_OUT] === 'function' ? source[LAID_OUT]() : undefined
}
