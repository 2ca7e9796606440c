import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderPixels } from '../../og/index.js'
import { renderKey } from '../../og/render-key.js'
import { corpus, corpusOptions } from '../fixtures/og-corpus/index.js'
import { TEST_TIMEOUT_MS } from '../helpers/timeouts.js'

// A render stamp trusts that equal render keys give equal pixels, also across versions of imgmeta. The golden
// file (npm run goldens:keys) records each corpus card's key and pixels as they were made: a change to the
// steps between SVG and pixels must come with a new RASTER_PIPELINE, or old stamps would pass changed images.
const golden = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../golden/render-keys.json'), 'utf8')) as Record<
  string,
  { key: string; pixels: string }
>

describe('render keys', () => {
  it('still name the pixels they named when the golden file was made', async () => {
    const changedKeys: string[] = []
    for (const item of corpus) {
      const { svg, width, height, pixels } = await renderPixels(item.element(), corpusOptions(item))
      const key = renderKey(svg, width, height)
      const recorded = golden[item.name]
      if (recorded?.key !== key) {
        changedKeys.push(item.name)
        continue
      }
      const hash = createHash('sha256').update(pixels).digest('hex')
      expect(hash, `${item.name}: same render key, different pixels; bump RASTER_PIPELINE in og/render-key.ts`).toBe(recorded.pixels)
    }
    expect(
      changedKeys,
      'render keys changed (expected after bumping RASTER_PIPELINE or upgrading satori or resvg): run npm run goldens:keys',
    ).toEqual([])
  }, TEST_TIMEOUT_MS)

  it('changes with the SVG, the size and nothing else', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    expect(renderKey(svg, 10, 10)).toBe(renderKey(svg, 10, 10))
    expect(renderKey(svg, 10, 10)).toMatch(/^[0-9a-f]{64}$/)
    expect(renderKey(`${svg} `, 10, 10)).not.toBe(renderKey(svg, 10, 10))
    expect(renderKey(svg, 10, 11)).not.toBe(renderKey(svg, 10, 10))
  })
})
