import type { CSSProperties, ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import { ImgmetaError } from '../../src/errors.js'
import { renderPixels } from '../../og/index.js'
import { ignoredCss, isSupportedCssProperty } from '../../og/css-support.js'
import { warningCode } from '../../og/image-response.js'
import { MEASURED_RELEASES } from '../../og/releases.js'

// What each kept satori reads differs: a property only a newer satori draws is ignored by an older release's
// next/og, silently. For every version-dependent entry of og/css-support.ts and one release per kept satori, the
// warning must appear exactly when that release's satori draws the same pixels with and without the CSS — so the
// table is measured against the real satori of each release, not taken on trust. (That imgmeta/og draws what
// each release's real next/og draws is the parity corpus's job: its og-newer-css card uses these properties.)
const RELEASE_PER_SATORI = { '0.10.9': '14.2.35', '0.15.2': '15.5.29', '0.29.0': '16.4.6' } as const
const RELEASES = Object.values(RELEASE_PER_SATORI)

const IMAGE = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="#e11"/></svg>').toString('base64')}`
const BOX: CSSProperties = { display: 'flex', width: 200, height: 90, padding: 8, fontSize: 28, color: '#111', backgroundColor: '#fff', border: '6px solid #36c' }

interface Case {
  name: string
  /** The element without the CSS under test, and with it. */
  element: (css: CSSProperties) => ReactElement
  base: CSSProperties
  css: CSSProperties
  /** The release that first draws it (its satori's first kept version). */
  drawnFrom: (typeof RELEASES)[number]
}

const text = (css: CSSProperties) => <div style={{ ...BOX, ...css }}>Hi gyp</div>
const image = (css: CSSProperties) => (
  <div style={BOX}>
    <img src={IMAGE} width={120} height={70} style={css} />
  </div>
)

const CASES: Case[] = [
  { name: 'WebkitTextStroke', element: text, base: {}, css: { WebkitTextStroke: '2px #e11' }, drawnFrom: '15.5.29' },
  { name: 'WebkitTextStrokeWidth', element: text, base: {}, css: { WebkitTextStrokeWidth: 2, WebkitTextStrokeColor: '#e11' }, drawnFrom: '15.5.29' },
  { name: 'textDecorationStyle: double', element: text, base: { textDecorationLine: 'underline' }, css: { textDecorationStyle: 'double' }, drawnFrom: '15.5.29' },
  { name: 'textDecoration: underline double', element: text, base: { textDecoration: 'underline' }, css: { textDecoration: 'underline double' }, drawnFrom: '15.5.29' },
  { name: 'textIndent', element: text, base: {}, css: { textIndent: 40 }, drawnFrom: '16.4.6' },
  { name: 'boxSizing', element: text, base: { width: 120 }, css: { boxSizing: 'content-box' }, drawnFrom: '16.4.6' },
  { name: 'textDecorationSkipInk', element: text, base: { textDecorationLine: 'underline' }, css: { textDecorationSkipInk: 'none' }, drawnFrom: '16.4.6' },
  { name: 'custom property', element: text, base: { color: 'var(--accent)' }, css: { ['--accent' as string]: '#e11' }, drawnFrom: '16.4.6' },
  { name: 'objectPosition', element: image, base: { objectFit: 'contain' }, css: { objectPosition: 'left top' }, drawnFrom: '16.4.6' },
  { name: 'objectFit: scale-down', element: image, base: {}, css: { objectFit: 'scale-down' }, drawnFrom: '16.4.6' },
  {
    name: 'backgroundSize: cover',
    element: text,
    base: { backgroundImage: `url(${IMAGE})`, backgroundRepeat: 'no-repeat' },
    css: { backgroundSize: 'cover' },
    drawnFrom: '16.4.6',
  },
]

const size = { width: 240, height: 130 }
const atLeast = (release: string, from: string) => RELEASES.indexOf(release as never) >= RELEASES.indexOf(from as never)

describe('what each release\'s satori ignores is a warning for that release only', () => {
  it('covers one release per kept satori version, as og/releases.ts pins them', () => {
    for (const [satori, release] of Object.entries(RELEASE_PER_SATORI)) expect(MEASURED_RELEASES[release]!.satori).toBe(satori)
  })

  describe.each(CASES.map((item) => [item.name, item] as const))('%s', (_, item) => {
    it.each(RELEASES)('next %s: warned exactly when its satori draws the same pixels without it', async (release) => {
      const without = await renderPixels(item.element(item.base), { ...size, nextRelease: release })
      const withCss = await renderPixels(item.element({ ...item.base, ...item.css }), { ...size, nextRelease: release })
      const drawn = atLeast(release, item.drawnFrom)
      expect(withCss.pixels.equals(without.pixels), `next ${release} ${drawn ? 'draws' : 'ignores'} ${item.name}`).toBe(!drawn)
      const warned = withCss.warnings.filter((warning) => warning.includes(`next ${release}'s next/og`) && warning.includes(' ignores'))
      if (drawn) {
        expect(warned).toEqual([])
      } else {
        // One warning per property (or value) written, each naming it and the first release that draws it.
        expect(warned).toHaveLength(Object.keys(item.css).length)
        Object.keys(item.css).forEach((property, index) => {
          expect(warned[index]).toContain(`"${property}`)
          expect(warned[index]).toContain(`Next ${item.drawnFrom} and later`)
        })
      }
    })
  })

  it('names the release, the property and the first release that draws it', async () => {
    const result = await renderPixels(text({ textIndent: 40 }), { ...size, nextRelease: '15.5.29' })
    expect(result.warnings).toEqual([
      '<div> uses the CSS property "textIndent", which next 15.5.29\'s next/og (satori 0.15.2) ignores ' +
        '(drawn from satori 0.29.0 on, Next 16.4.6 and later); the image is drawn without it',
    ])
    const value = await renderPixels(text({ textDecorationLine: 'underline', textDecorationStyle: 'double' }), { ...size, nextRelease: '14.2.35' })
    expect(value.warnings).toEqual([
      '<div> uses the CSS value "double" in "textDecorationStyle: double", which next 14.2.35\'s next/og (satori 0.10.9) ' +
        'ignores (drawn from satori 0.15.2 on, Next 15.5.29 and later); the image is drawn without that value',
    ])
  })

  it('reports a property, a custom property and a value an older satori ignores as IMGMETA_CSS_IGNORED', async () => {
    const css = { textIndent: 40, ['--accent' as string]: '#e11', textDecorationLine: 'underline', textDecorationStyle: 'double' } as CSSProperties
    const { warnings } = await renderPixels(text(css), { ...size, nextRelease: '14.2.35' })
    expect(warnings.map((warning) => warning.slice(0, warning.indexOf(', which')))).toEqual([
      '<div> uses the CSS property "textIndent"',
      '<div> uses the CSS custom property "--accent" (every var() reading it is left unresolved)',
      '<div> uses the CSS value "double" in "textDecorationStyle: double"',
    ])
    expect(warnings.map(warningCode)).toEqual(['IMGMETA_CSS_IGNORED', 'IMGMETA_CSS_IGNORED', 'IMGMETA_CSS_IGNORED'])
  })

  it.each(RELEASES)('next %s: a line height its satori cannot read (no text drawn) is warned, and only that', async (release) => {
    for (const lineHeight of ['normal', 'NORMAL', 'inherit', 'initial', '1.5', '150%', '24px', '1.2em']) {
      const { svg, warnings } = await renderPixels(text({ lineHeight }), { ...size, nextRelease: release })
      const unread = warnings.filter((warning) => warning.includes(`"lineHeight: ${lineHeight}", which next ${release}'s next/og`) && warning.includes('cannot read'))
      // satori writes NaN into the SVG for every glyph of a line height it could not read.
      expect(unread, `lineHeight ${lineHeight} on next ${release}`).toHaveLength(svg.includes('NaN') ? 1 : 0)
    }
    expect((await renderPixels(text({ lineHeight: 'normal' }), { ...size, nextRelease: release })).svg.includes('NaN')).toBe(release === '14.2.35')
  })

  it('refuses it with strictCss only for the release that ignores it', async () => {
    const stroked = text({ WebkitTextStroke: '2px #e11' })
    const error = await renderPixels(stroked, { ...size, nextRelease: '14.2.35', strictCss: true }).then(
      () => undefined,
      (cause: unknown) => cause,
    )
    expect(error).toBeInstanceOf(ImgmetaError)
    expect((error as ImgmetaError).code).toBe('unsupported-css')
    expect((error as ImgmetaError).message).toContain('"WebkitTextStroke", which next 14.2.35\'s next/og (satori 0.10.9) does not support')
    expect((await renderPixels(stroked, { ...size, nextRelease: '15.5.29', strictCss: true })).warnings).toEqual([])
  })

  it('keeps what an older satori throws on a failure, even without strictCss', async () => {
    const stat = <div style={{ ...BOX, position: 'static' }}>x</div>
    await expect(renderPixels(stat, { ...size, nextRelease: '15.5.29' })).rejects.toMatchObject({ code: 'unsupported-css' })
    expect((await renderPixels(stat, { ...size, nextRelease: '16.4.6' })).warnings).toEqual([])
    const rings = <div style={{ ...BOX, backgroundImage: 'repeating-radial-gradient(#e11, #36c 12px)' }}>x</div>
    await expect(renderPixels(rings, { ...size, nextRelease: '15.5.29' })).rejects.toMatchObject({ code: 'render-failed' })
    expect((await renderPixels(rings, { ...size, nextRelease: '16.4.6' })).warnings).toEqual([])
  })

  it('takes a vendor-prefixed twin as covered only where its standard property is read', () => {
    expect(isSupportedCssProperty('textIndent')).toBe(true)
    expect(isSupportedCssProperty('textIndent', '0.15.2')).toBe(false)
    expect(ignoredCss({ backgroundClip: 'text', WebkitBackgroundClip: 'text' }, '0.10.9')).toEqual([])
    expect(ignoredCss({ gridArea: 'a' }, '0.10.9')).toEqual([{ property: 'gridArea' }])
  })
})
