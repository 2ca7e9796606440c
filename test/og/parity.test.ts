import { readFileSync } from 'node:fs'
import path from 'node:path'
import pixelmatch from 'pixelmatch'
import { describe, expect, it } from 'vitest'
import { decodePng } from '../../src/png.js'
import { renderPixels } from '../../og/index.js'
import { corpus, corpusOptions } from '../fixtures/og-corpus/index.js'
import { nextVersion } from '../fixtures/og-corpus/next-og.js'

// The target: at most 0.001% of the pixels differ at pixelmatch threshold 0.1 (7 of a 1200×630 card, 0 of an icon).
const MAX_DIFF_RATIO = 0.00001
const goldenDir = path.resolve(import.meta.dirname, '../golden/og')

// Measured exceptions, each with its own bound. A hard colour stop puts one edge pixel per stripe on either
// side depending on the rasterizer: resvg (imgmeta/og and next/og's wasm path) agree, sharp's librsvg does not.
const SHARP_EXCEPTIONS: Record<string, number> = { 'og-hard-stop-stripes': 0.015 }

function golden(mode: 'sharp' | 'wasm', name: string) {
  return decodePng(readFileSync(path.join(goldenDir, mode, `${name}.png`)), `golden ${mode}/${name}.png`)
}

describe('imgmeta/og matches the real next/og', () => {
  it('has goldens made by the installed next (else run npm run goldens:og)', () => {
    for (const mode of ['sharp', 'wasm']) {
      const manifest = JSON.parse(readFileSync(path.join(goldenDir, mode, 'manifest.json'), 'utf8')) as {
        next: string
        items: Array<{ name: string }>
      }
      expect(manifest.next).toBe(nextVersion())
      expect(manifest.items.map((item) => item.name)).toEqual(corpus.map((item) => item.name))
    }
    expect(corpus.length).toBeGreaterThanOrEqual(20)
  })

  it.each(corpus.map((item) => [item.name, item] as const))('%s', async (name, item) => {
    const ours = await renderPixels(item.element(), corpusOptions(item))
    expect([ours.width, ours.height]).toEqual([item.width, item.height])
    const allowed = Math.floor(item.width * item.height * MAX_DIFF_RATIO)
    for (const mode of ['sharp', 'wasm'] as const) {
      const reference = golden(mode, name)
      expect([reference.width, reference.height]).toEqual([item.width, item.height])
      const differing = pixelmatch(ours.pixels, reference.data, undefined, item.width, item.height, { threshold: 0.1 })
      const exception = mode === 'sharp' ? SHARP_EXCEPTIONS[name] : undefined
      const bound = exception === undefined ? allowed : Math.floor(item.width * item.height * exception)
      expect(differing, `${name} vs next/og (${mode}): ${differing} differing pixels, at most ${bound}`).toBeLessThanOrEqual(bound)
    }
  })
})
