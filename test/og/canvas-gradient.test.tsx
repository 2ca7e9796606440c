import { Resvg } from '@resvg/resvg-js'
import type { CSSProperties, ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { inlineCanvasGradients } from '../../og/canvas-gradient.js'
import { renderSvg } from '../../og/index.js'
import { corpus, corpusOptions } from '../fixtures/og-corpus/index.js'
import { TEST_TIMEOUT_MS } from '../helpers/timeouts.js'

// The rewrite is only a shortcut: resvg must give exactly the pixels it gives for satori's own SVG.
function pixels(svg: string, width: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().pixels
}

async function svgOf(element: ReactNode, width: number, height: number): Promise<string> {
  return (await renderSvg(element, { width, height })).svg
}

const canvas = (style: CSSProperties, ...children: ReactNode[]) => (
  <div style={{ display: 'flex', width: '100%', height: '100%', ...style }}>{children}</div>
)

/** A seeded generator, so that a failure names a case that can be run again. */
function random(seed: number) {
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const color = () =>
    next() < 0.2 ? `rgba(${int(0, 255)},${int(0, 255)},${int(0, 255)},${next().toFixed(2)})` : `#${int(0, 0xffffff).toString(16).padStart(6, '0')}`
  const gradient = () => {
    const kind = next()
    const angle = int(0, 359)
    if (kind < 0.4) return `linear-gradient(${angle}deg, ${color()}, ${color()} ${int(0, 100)}%, ${color()})`
    if (kind < 0.6) return `repeating-linear-gradient(${angle}deg, ${color()}, ${color()} ${int(2, 60)}px)`
    if (kind < 0.7) return `linear-gradient(to ${['right', 'bottom', 'left', 'top', 'bottom right'][int(0, 4)]}, ${color()}, ${color()})`
    if (kind < 0.85) return `linear-gradient(${angle}deg, ${color()} 50%, ${color()} 50%)`
    return `radial-gradient(circle at ${int(0, 100)}% ${int(0, 100)}%, ${color()}, ${color()})`
  }
  return { next, int, gradient }
}

/** A card with a gradient background and up to three boxes with gradients, some over the whole canvas. */
function generatedCard(seed: number): { element: ReactNode; width: number; height: number } {
  const { next, int, gradient } = random(seed)
  const width = int(8, 1200)
  const height = int(8, 700)
  const boxes = Array.from({ length: int(0, 3) }, (_, i) => (
    <div
      key={i}
      style={{
        position: 'absolute',
        left: next() < 0.5 ? 0 : int(-20, width),
        top: next() < 0.5 ? 0 : int(-20, height),
        width: next() < 0.3 ? width : int(1, width),
        height: next() < 0.3 ? height : int(1, height),
        background: gradient(),
        opacity: next() < 0.2 ? 0.5 : 1,
        borderRadius: next() < 0.2 ? int(1, 40) : 0,
      }}
    />
  ))
  const style: CSSProperties = { background: gradient(), opacity: next() < 0.1 ? 0.7 : 1, borderRadius: next() < 0.1 ? 30 : 0 }
  return { element: canvas(style, ...boxes), width, height }
}

describe('inlineCanvasGradients', () => {
  it('paints an opaque gradient over the whole canvas directly, without the pattern tile', async () => {
    const svg = await svgOf(canvas({ background: 'linear-gradient(135deg, #0f172a, #1e3a8a)' }), 1200, 630)
    expect(svg).toContain('<pattern')
    const inlined = inlineCanvasGradients(svg, 1200, 630)
    expect(inlined).not.toContain('<pattern')
    expect(inlined).toMatch(/<rect x="0" y="0" width="1200" height="630" fill="url\(#satori_biid_0\)"\/>/)
    expect(pixels(inlined, 1200).equals(pixels(svg, 1200))).toBe(true)
  })

  it.each([
    ['a box off the canvas origin', canvas({ background: 'white' }, <div style={{ position: 'absolute', left: 40, top: 30, width: 200, height: 100, background: 'linear-gradient(90deg, #f00, #00f)' }} />)],
    ['a box smaller than the canvas', canvas({ background: 'white' }, <div style={{ width: 200, height: 100, background: 'linear-gradient(90deg, #f00, #00f)' }} />)],
    ['a translucent stop', canvas({ background: 'linear-gradient(90deg, rgba(255,0,0,0.5), #00f)' })],
    ['a canvas under opacity', canvas({ background: 'linear-gradient(90deg, #f00, #00f)', opacity: 0.5 })],
    ['a rounded canvas', canvas({ background: 'linear-gradient(90deg, #f00, #00f)', borderRadius: 40 })],
    ['a radial gradient', canvas({ background: 'radial-gradient(circle, #f00, #00f)' })],
  ])('leaves %s as satori wrote it', async (_name, element) => {
    const svg = await svgOf(element, 400, 200)
    expect(svg).toContain('<pattern')
    expect(inlineCanvasGradients(svg, 400, 200)).toBe(svg)
  })

  it.each([
    ['two gradients stacked', { backgroundImage: 'linear-gradient(90deg, #f00, #00f), linear-gradient(0deg, #0f0, #ff0)' }, true],
    ['a translucent gradient over an opaque one', { backgroundImage: 'linear-gradient(90deg, rgba(255,0,0,0.5), #00f), linear-gradient(0deg, #0f0, #ff0)' }, true],
    ['background-size 100%', { backgroundImage: 'linear-gradient(90deg, #f00, #00f)', backgroundSize: '100% 100%' }, true],
    ['a background colour under it', { backgroundColor: '#123', backgroundImage: 'linear-gradient(90deg, #f00, #00f)' }, true],
    ['a border', { background: 'linear-gradient(90deg, #f00, #00f)', border: '10px solid #000' }, true],
    ['padding', { background: 'linear-gradient(90deg, #f00, #00f)', padding: 30 }, true],
    ['a box shadow', { background: 'linear-gradient(90deg, #f00, #00f)', boxShadow: '0 0 20px #000' }, true],
    ['tiles (background-size)', { backgroundImage: 'linear-gradient(90deg, #f00, #00f)', backgroundSize: '100px 50px' }, false],
    ['a moved background', { backgroundImage: 'linear-gradient(90deg, #f00, #00f)', backgroundPosition: '10px 20px', backgroundRepeat: 'no-repeat' }, false],
    ['background-clip: text', { backgroundImage: 'linear-gradient(90deg, #f00, #00f)', backgroundClip: 'text', color: 'transparent', fontSize: 60 }, false],
    ['a transform', { background: 'linear-gradient(90deg, #f00, #00f)', transform: 'rotate(3deg)' }, false],
  ] as const)('is exact with %s (rewritten: %s)', async (_name, style, rewritten) => {
    const svg = await svgOf(canvas(style as CSSProperties, 'Hello'), 400, 210)
    const inlined = inlineCanvasGradients(svg, 400, 210)
    expect(inlined !== svg).toBe(rewritten)
    expect(pixels(inlined, 400).equals(pixels(svg, 400))).toBe(true)
  })

  it('gives the same pixels on every card of the parity corpus', async () => {
    let rewritten = 0
    for (const item of corpus) {
      const options = corpusOptions(item)
      const { svg, width, height } = await renderSvg(item.element(), options)
      const inlined = inlineCanvasGradients(svg, width, height)
      if (inlined !== svg) rewritten++
      expect(pixels(inlined, width).equals(pixels(svg, width)), item.name).toBe(true)
    }
    // The corpus has full-canvas gradients (the hero, the stripes, the apple icon): the rewrite was exercised.
    expect(rewritten).toBeGreaterThanOrEqual(4)
  }, TEST_TIMEOUT_MS)

  it('gives the same pixels on 300 generated gradient cards', async () => {
    let rewritten = 0
    for (let seed = 1; seed <= 300; seed++) {
      const card = generatedCard(seed)
      const svg = await svgOf(card.element, card.width, card.height)
      const inlined = inlineCanvasGradients(svg, card.width, card.height)
      if (inlined === svg) continue
      rewritten++
      expect(pixels(inlined, card.width).equals(pixels(svg, card.width)), `generated card, seed ${seed}`).toBe(true)
    }
    expect(rewritten).toBeGreaterThanOrEqual(100)
  }, TEST_TIMEOUT_MS)
})
