import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sameImageChunks } from '../../matchers/png-chunks.js'
import { isStampedBy, stampPng } from '../../matchers/render-stamp.js'
import { laidOutOf } from '../../og/laid-out.js'
import { ImageResponse, render } from '../../og/index.js'
import { decodePng } from '../../src/png.js'
import { createHarness, type Harness } from './harness.js'
import { encodeWithPngjs } from './images.js'

const NAME = 'cards-test-ts-renders-the-card-1-snap'

const card = (title: string) => (
  <div style={{ display: 'flex', width: '100%', height: '100%', background: 'linear-gradient(90deg, #0f172a, #1e3a8a)', color: 'white', fontSize: 20 }}>
    {title}
  </div>
)
const response = (title = 'Hello') => new ImageResponse(card(title), { width: 160, height: 84 })

/** Counts the rasterizations of an ImageResponse (the matcher asks its layout for pixels, or reads the body). */
async function watched(received: ImageResponse) {
  const image = await laidOutOf(received)!
  const pixels = vi.spyOn(image, 'pixels')
  const png = vi.spyOn(image, 'png')
  return { rasterized: () => pixels.mock.calls.length + png.mock.calls.length, encodedByLayout: () => png.mock.calls.length }
}

let h: Harness
afterEach(() => h?.cleanup())

const reference = () => path.join(h.snapshotsDir, `${NAME}.png`)
const counts = () => ({ added: h.state.added.total(), matched: h.state.matched.total(), unmatched: h.state.unmatched.total(), updated: h.state.updated.total() })

describe('toMatchImageSnapshot with imgmeta/og ImageResponse: render stamps', () => {
  it('writes the snapshot with the stamp of the render that made it, pixels unchanged', async () => {
    h = createHarness('new')
    const received = response()
    expect((await h.run(received)).pass).toBe(true)
    const written = readFileSync(reference())
    const { key } = await laidOutOf(received)!
    expect(isStampedBy(written, key)).toBe(true)
    const { png } = await render(card('Hello'), { width: 160, height: 84 })
    expect(decodePng(written).data.equals(decodePng(png).data)).toBe(true)
  })

  it('matches an unchanged render by its key, leaving the image unrasterized (body unread)', async () => {
    h = createHarness('new')
    await h.run(response())
    h.setMode('none')
    const again = response()
    const raster = await watched(again)
    expect((await h.run(again)).pass).toBe(true)
    expect(raster.rasterized()).toBe(0)
    expect(again.bodyUsed).toBe(false)
    expect(counts()).toEqual({ added: 0, matched: 1, unmatched: 0, updated: 0 })
  })

  it('rasterizes and fails a changed render, whose key differs', async () => {
    h = createHarness('new')
    await h.run(response('Hello'))
    h.setMode('none')
    const changed = response('Changed')
    const raster = await watched(changed)
    const result = await h.run(changed)
    expect(result.pass).toBe(false)
    expect(raster.rasterized()).toBe(1)
    expect(result.message()).toMatch(/different from snapshot/)
  })

  it('does not trust a stamp whose image was edited: the pixels are compared and the edit fails', async () => {
    h = createHarness('new')
    const first = response()
    await h.run(first)
    const { key } = await laidOutOf(first)!
    // Paint a pixel and stamp the edit with the render's own key, as a tool that keeps text chunks might leave it.
    const image = decodePng(readFileSync(reference()))
    image.data.set([255, 0, 0, 255], 0)
    const edited = encodeWithPngjs(image.data, image.width, image.height)
    const forged = Buffer.from(stampPng(readFileSync(reference()), key))
    writeFileSync(reference(), Buffer.concat([forged.subarray(0, 8 + 25 + forged.readUInt32BE(33) + 12), edited.subarray(8 + 25)]))
    h.setMode('none')
    const again = response()
    const raster = await watched(again)
    const result = await h.run(again)
    expect(raster.rasterized()).toBe(1)
    expect(result.pass).toBe(false)
    expect(result.message()).toMatch(/1 differing pixels/)
  })

  it('matches a same-pixel snapshot without a stamp by its image bytes, and leaves the file as it was', async () => {
    h = createHarness('new')
    await h.run(response(), { renderStamp: false })
    const unstamped = readFileSync(reference())
    expect(isStampedBy(unstamped, (await laidOutOf(response()))!.key)).toBe(false)
    for (const mode of ['new', 'none'] as const) {
      h.setMode(mode)
      expect((await h.run(response())).pass).toBe(true)
      expect(readFileSync(reference()).equals(unstamped)).toBe(true)
      expect(counts()).toEqual({ added: 0, matched: 1, unmatched: 0, updated: 0 })
    }
  })

  it('with -u, gives a same-pixel snapshot the stamp of the render (image data untouched, counted as updated)', async () => {
    h = createHarness('new')
    await h.run(response(), { renderStamp: false })
    const unstamped = readFileSync(reference())
    h.setMode('all')
    const again = response()
    expect((await h.run(again)).pass).toBe(true)
    const restamped = readFileSync(reference())
    expect(isStampedBy(restamped, (await laidOutOf(again))!.key)).toBe(true)
    expect(sameImageChunks(restamped, unstamped)).toBe(true)
    expect(counts()).toEqual({ added: 0, matched: 0, unmatched: 0, updated: 1 })
    // Stamped now: the next -u run matches by key and writes nothing.
    h.setMode('all')
    expect((await h.run(response())).pass).toBe(true)
    expect(readFileSync(reference()).equals(restamped)).toBe(true)
    expect(counts()).toEqual({ added: 0, matched: 1, unmatched: 0, updated: 0 })
  })

  it('refuses an ImageResponse with an error status, as for any Response', async () => {
    h = createHarness('new')
    await expect(h.run(new ImageResponse(card('Hello'), { width: 160, height: 84, status: 500 }))).rejects.toThrow(/status 500/)
  })

  it('with renderStamp: false, neither writes nor trusts a stamp', async () => {
    h = createHarness('new')
    await h.run(response())
    h.setMode('none')
    const again = response()
    const raster = await watched(again)
    expect((await h.run(again, { renderStamp: false })).pass).toBe(true)
    // Rasterized to pixels and compared with the reference's; an unchanged image is never encoded.
    expect(raster.rasterized()).toBe(1)
    expect(raster.encodedByLayout()).toBe(0)
    expect(again.bodyUsed).toBe(false)
    expect(readdirSync(h.snapshotsDir)).toEqual([`${NAME}.png`])
  })
})

describe('toMatchImageSnapshot with imgmeta/og ImageResponse: renderer warnings', () => {
  it('prints what next/og ignores beside the test and still passes; a clean image prints nothing', async () => {
    h = createHarness('new')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const ignored = new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', WebkitFontSmoothing: 'antialiased' } as never}>x</div>, {
        width: 40,
        height: 20,
      })
      expect((await h.run(ignored)).pass).toBe(true)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]![0])).toMatch(/^toMatchImageSnapshot in "[^"]+" \([^)]+\):\n {2}warning: .*WebkitFontSmoothing/)
      warn.mockClear()
      expect((await h.run(response())).pass).toBe(true)
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })
})
