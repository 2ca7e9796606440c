import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { ImgmetaError } from '../../src/errors.js'
import { decodePng } from '../../src/png.js'
import { MAX_DIMENSION, render, renderPixels, renderSvg, type RenderOptions } from '../../og/index.js'
import { defaultFontPath, getDefaultFonts } from '../../og/fonts.js'
import { CHECKER_PNG } from '../fixtures/og-corpus/assets.js'

const card = <div style={{ display: 'flex', width: '100%', height: '100%', background: 'white', fontSize: 32 }}>card</div>

async function failure(promise: Promise<unknown>): Promise<ImgmetaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImgmetaError)
  return error as ImgmetaError
}

const scratch = mkdtempSync(path.join(tmpdir(), 'imgmeta-og-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('render', () => {
  it('returns a PNG of the requested size, the SVG, and next/og’s 1200×630 default', async () => {
    const result = await render(card)
    expect([result.width, result.height]).toEqual([1200, 630])
    const decoded = decodePng(result.png)
    expect([decoded.width, decoded.height]).toEqual([1200, 630])
    expect(result.svg.startsWith('<svg width="1200" height="630"')).toBe(true)
    const small = await render(card, { width: 48, height: 32 })
    expect([small.width, small.height]).toEqual([48, 32])
  })

  it('renderPixels gives the same pixels the PNG decodes to', async () => {
    const [png, pixels] = await Promise.all([render(card, { width: 64, height: 40 }), renderPixels(card, { width: 64, height: 40 })])
    expect(decodePng(png.png).data.equals(pixels.pixels)).toBe(true)
  })

  it('uses the Geist Regular imgmeta ships (the geist 1.7.2 file, without the geist package), read once per process', () => {
    expect(defaultFontPath()).toBe(path.resolve(import.meta.dirname, '../../fonts/Geist-Regular.ttf'))
    const geistPackage = path.join(path.dirname(createRequire(import.meta.url).resolve('geist/font')), 'fonts/geist-sans/Geist-Regular.ttf')
    expect(readFileSync(defaultFontPath()).equals(readFileSync(geistPackage))).toBe(true)
    expect(getDefaultFonts()).toBe(getDefaultFonts())
    expect(getDefaultFonts()[0]).toMatchObject({ name: 'geist', weight: 400, style: 'normal' })
  })

  it.each([
    [{ width: 0 }, 'invalid-option', 'imgmeta/og: width must be a positive integer number of pixels, got 0.'],
    [{ height: -5 }, 'invalid-option', 'imgmeta/og: height must be a positive integer number of pixels, got -5.'],
    [{ width: 10.5 }, 'invalid-option', 'imgmeta/og: width must be a positive integer number of pixels, got 10.5.'],
    [{ height: '630' }, 'invalid-option', 'imgmeta/og: height must be a positive integer number of pixels, got "630".'],
    [{ width: MAX_DIMENSION + 1 }, 'image-too-large', 'imgmeta/og: width 8193 is larger than the limit of 8192 pixels.'],
  ])('refuses %j', async (options, code, message) => {
    const error = await failure(render(card, options as RenderOptions))
    expect(error.code).toBe(code)
    expect(error.message).toBe(message)
  })

  it('refuses fonts that are not font files, woff2, or fail to parse', async () => {
    const notFont = await failure(render(card, { fonts: [{ name: 'X', data: Buffer.from('<html>404</html>') }] }))
    expect(notFont.code).toBe('font-failed')
    expect(notFont.message).toBe(
      'imgmeta/og: fonts[0] ("X") is not a font file (expected ttf, otf or woff bytes; a network response or a text file is a common cause).',
    )
    const woff2 = await failure(render(card, { fonts: [{ name: 'W', data: Buffer.from('wOF2\0\0\0\0') }] }))
    expect(woff2.message).toBe('imgmeta/og: fonts[0] ("W") is a woff2 file, which satori cannot read; use its ttf, otf or woff file.')
    // A real font's header followed by garbage: only parsing finds it.
    const truncated = readFileSync(defaultFontPath()).subarray(0, 300)
    const broken = await failure(render(card, { fonts: [{ name: 'B', data: truncated }] }))
    expect(broken.code).toBe('font-failed')
    expect(broken.message).toMatch(/^imgmeta\/og: a font in "fonts" failed to parse \(.+\); check that each "data" is a complete ttf, otf or woff file\.$/)
  })

  it('ignores a CSS property satori ignores, as next/og does, and lists it in the warnings', async () => {
    const grid = <div style={{ display: 'flex', gridTemplateColumns: '1fr 1fr' }}>x</div>
    const result = await render(grid, { width: 40, height: 20 })
    expect(result.warnings).toEqual([
      '<div> uses the CSS property "gridTemplateColumns", which next 16.4.6\'s next/og (satori 0.29.0) ignores; the image is drawn without it',
    ])
    const plain = await render(<div style={{ display: 'flex' }}>x</div>, { width: 40, height: 20 })
    expect(result.png.equals(plain.png)).toBe(true)
  })

  it('lists Tailwind classes satori does not know in the warnings of every image that uses them', async () => {
    const printed: unknown[] = []
    const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')))
    try {
      const element = <div tw="flex w-full size-full bg-white">x</div>
      const expected = ['tw: class "size-full" is not one satori\'s Tailwind knows; next/og ignores it']
      expect((await render(element, { width: 40, height: 20 })).warnings).toEqual(expected)
      // satori prints it once per process, as next/og does; the second image still gets its warning.
      expect((await render(element, { width: 40, height: 20 })).warnings).toEqual(expected)
      expect(printed.filter((line) => String(line).includes('size-full'))).toHaveLength(1)
      expect((await render(<div tw="flex w-full bg-white">x</div>, { width: 40, height: 20 })).warnings).toEqual([])
    } finally {
      spy.mockRestore()
    }
  })

  it('refuses a CSS property satori ignores with strictCss: true', async () => {
    const grid = <div style={{ display: 'flex', gridTemplateColumns: '1fr 1fr' }}>x</div>
    const error = await failure(render(grid, { width: 40, height: 20, strictCss: true }))
    expect(error.code).toBe('unsupported-css')
    expect(error.message).toBe(
      'imgmeta/og: <div> uses the CSS property "gridTemplateColumns", which next 16.4.6\'s next/og (satori 0.29.0) does not ' +
        'support and would silently ignore; remove it, or turn strictCss off to render as next/og does.',
    )
  })

  it('takes a vendor-prefixed property beside its standard form as CSS written for browsers: no warning, even when strict', async () => {
    const gradientText = (
      <div style={{ display: 'flex', fontSize: 16, backgroundImage: 'linear-gradient(90deg, #f00, #00f)', backgroundClip: 'text', WebkitBackgroundClip: 'text', color: 'transparent' }}>
        Gradient
      </div>
    )
    const strict = await render(gradientText, { width: 80, height: 20, strictCss: true })
    expect(strict.warnings).toEqual([])
    const alone = await render(<div style={{ display: 'flex', WebkitBackgroundClip: 'text' }}>x</div>, { width: 40, height: 20 })
    expect(alone.warnings).toHaveLength(1)
    expect(alone.warnings[0]).toMatch(/"WebkitBackgroundClip", which next .* ignores/)
  })

  it('names an unsupported CSS value', async () => {
    const error = await failure(render(<div style={{ display: 'grid' }}>x</div>, { width: 40, height: 20 }))
    expect(error.code).toBe('unsupported-css')
    expect(error.message).toBe(
      'imgmeta/og: Invalid value for CSS property "display". Allowed values: "flex" | "block" | "contents" | "none" | "-webkit-box". Received: "grid".',
    )
  })

  it('names an element satori cannot lay out', async () => {
    const error = await failure(render(<div><span>a</span><span>b</span></div>, { width: 40, height: 20 }))
    expect(error.code).toBe('render-failed')
    expect(error.message).toBe(
      'imgmeta/og could not lay out the element: Expected <div> to have explicit "display: flex", "display: contents", ' +
        'or "display: none" if it has more than one child node.',
    )
  })

  it('never fetches a remote image and names the source', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    try {
      const remote = await failure(render(<img src="https://example.com/logo.png" width={10} height={10} />, { width: 20, height: 20 }))
      expect(remote.code).toBe('unsupported-image-source')
      expect(remote.message).toBe(
        'imgmeta/og: <img> src is "https://example.com/logo.png"; imgmeta/og never fetches over the network: pass a ' +
          'data: URI, the bytes (ArrayBuffer), an absolute file path or a file: URL.',
      )
      const css = await failure(
        render(<div style={{ display: 'flex', backgroundImage: 'url("//cdn.example.com/a.png")' }} />, { width: 20, height: 20 }),
      )
      expect(css.message).toBe(
        'imgmeta/og: <div> style.backgroundImage: Image source must be an absolute URL: //cdn.example.com/a.png. next/og ' +
          'throws this on the server for a protocol-relative source; write the scheme (https://cdn.example.com/a.png).',
      )
      const relative = await failure(render(<img src="./logo.png" width={10} height={10} />, { width: 20, height: 20 }))
      expect(relative.code).toBe('unsupported-image-source')
      // Inside a function component too: components are expanded before the check.
      const Logo = () => <img src="http://example.com/x.png" width={10} height={10} />
      await expect(render(<div style={{ display: 'flex' }}><Logo /></div>, { width: 20, height: 20 })).rejects.toMatchObject({
        code: 'unsupported-image-source',
      })
      expect(fetchSpy).not.toHaveBeenCalled()
    } finally {
      fetchSpy.mockRestore()
    }
  })

  it('draws local image files (path, file: URL, bytes) exactly as the same data URI', async () => {
    const bytes = Buffer.from(CHECKER_PNG.slice('data:image/png;base64,'.length), 'base64')
    const file = path.join(scratch, 'checker.png')
    writeFileSync(file, bytes)
    const picture = (src: string | ArrayBuffer) => (
      <div style={{ display: 'flex', width: '100%', height: '100%', backgroundImage: `url(${typeof src === 'string' ? src : CHECKER_PNG})` }}>
        <img src={src as string} width={32} height={32} />
      </div>
    )
    const expected = await renderPixels(picture(CHECKER_PNG), { width: 64, height: 64 })
    const fromBytes = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    for (const src of [file, pathToFileURL(file).href, fromBytes]) {
      const { pixels } = await renderPixels(picture(src), { width: 64, height: 64 })
      expect(pixels.equals(expected.pixels)).toBe(true)
    }
    const missing = await failure(render(<img src={path.join(scratch, 'nope.png')} width={4} height={4} />, { width: 8, height: 8 }))
    expect(missing.message).toMatch(/^imgmeta\/og: <img> src points at .*nope\.png, which cannot be read \(ENOENT/)
  })

  it('lays emoji out without drawing them and says so', async () => {
    const party = <div style={{ display: 'flex', fontSize: 40 }}>ok 🎉</div>
    const { warnings, svg } = await renderSvg(party, { width: 200, height: 60 })
    expect(warnings).toEqual(['emoji "🎉" is not drawn (next/og fetches emoji from a CDN; imgmeta/og never uses the network)'])
    expect(svg).toContain('<image')
    // twemoji is next/og's default: naming it explicitly changes nothing.
    await expect(renderSvg(party, { width: 200, height: 60, emoji: 'twemoji' })).resolves.toMatchObject({ warnings, svg })
    const error = await failure(render(card, { emoji: 'apple' as never }))
    expect(error.message).toBe('imgmeta/og: emoji must be one of twemoji, openmoji, blobmoji, noto, fluent, fluentFlat, got "apple".')
  })
})
