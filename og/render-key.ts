import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'

// satori's SVG is everything the rasterizer is given: resvg is deterministic (test/og/determinism.test.ts),
// so the same SVG at the same size through the same resvg and the same pipeline gives the same pixels. The
// key names that input; a snapshot that records the key of the render that made it (matchers/render-stamp.ts)
// can be matched by a later render with the same key without rasterizing again.

/**
 * Bumped whenever what happens between the SVG and the pixels changes (resvg options, SVG rewrites such as
 * canvas-gradient.ts, alpha handling), so that no key made before the change is trusted after it.
 */
const RASTER_PIPELINE = 'imgmeta-og-raster/1'

let resvgVersion: string | undefined

function rasterizerVersion(): string {
  resvgVersion ??= (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version
  return `@resvg/resvg-js@${resvgVersion}`
}

/** The key of rasterizing `svg` at `width`×`height`: a SHA-256 of the SVG, the size, resvg's version and the pipeline. */
export function renderKey(svg: string, width: number, height: number): string {
  return createHash('sha256').update(`${RASTER_PIPELINE}\n${rasterizerVersion()}\n${width}x${height}\n`).update(svg).digest('hex')
}
