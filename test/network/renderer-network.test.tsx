// The reference renderer draws emoji and remote images through the network layer: the CDN's SVG for next/og's
// `emoji` styles, replayed from a recording; without a layer, emoji stay blank and remote sources are refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { bodyPath, makeEntry, writeHar } from '../../next-runtime/network/har.js'
import { installNetwork, uninstallNetwork } from '../../next-runtime/network/intercept.js'
import { takeNetworkProblems } from '../../next-runtime/network/network-problems.js'
import type { NetworkSettings } from '../../next-runtime/network/network-settings.js'
import { sha256 } from '../../next-runtime/network/recording-key.js'
import { isBlockedImageUrl } from '../../og/blocked-hosts.js'
import { emojiCode, emojiUrl } from '../../og/emoji.js'
import { MEASURED_RELEASES, resolveRelease } from '../../og/releases.js'
import { renderPixels } from '../../og/render.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-renderer-network-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
afterEach(() => {
  uninstallNetwork()
  takeNetworkProblems()
})

/** A red disc, standing in for the CDN's waving-hand SVG in a recording. */
const RED_DISC = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><circle cx="18" cy="18" r="18" fill="#ff0000"/></svg>'
const WAVE = '👋'

/** A project folder whose routes.har holds the given responses (URL → body), as `imgmeta update` writes it. */
function recorded(responses: Record<string, { body: string; type: string }>): NetworkSettings {
  const root = mkdtempSync(path.join(scratch, 'project-'))
  const dir = path.join(root, '__image_snapshots__/network')
  mkdirSync(path.join(dir, 'bodies'), { recursive: true })
  const entries = Object.entries(responses).map(([url, { body, type }]) => {
    const file = bodyPath(sha256(Buffer.from(body)), type)
    writeFileSync(path.join(dir, file), body)
    return makeEntry(
      { method: 'GET', url, bodySha256: undefined, bodySize: 0 },
      { status: 200, statusText: 'OK', headers: [{ name: 'content-type', value: type }], bodySize: Buffer.byteLength(body), bodyFile: file },
    )
  })
  writeHar(path.join(dir, 'routes.har'), entries, '1')
  return { mode: 'replay', root, dir, harFile: 'routes.har', logDir: path.join(root, 'log'), deny: [], live: [], siteOrigins: [] }
}

function card(text: string) {
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#ffffff', fontSize: 48 }}>
      {text}
    </div>
  )
}

function redPixels(pixels: Buffer): number {
  let count = 0
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! > 200 && pixels[i + 1]! < 60 && pixels[i + 2]! < 60) count++
  return count
}

describe('renderer through the network layer', () => {
  test('emoji URLs are the ones next/og fetches, per style', () => {
    expect(emojiCode('👋')).toBe('1f44b')
    expect(emojiCode('❤️')).toBe('2764')
    expect(emojiCode('👨‍💻')).toBe('1f468-200d-1f4bb')
    expect(emojiUrl('👋', undefined)).toBe('https://cdn.jsdelivr.net/gh/twitter/twemoji@14.0.2/assets/svg/1f44b.svg')
    expect(emojiUrl('👋', 'openmoji')).toBe('https://cdn.jsdelivr.net/npm/@svgmoji/openmoji@2.0.0/svg/1F44B.svg')
    expect(emojiUrl('👋', 'fluentFlat')).toBe('https://cdn.jsdelivr.net/gh/shuding/fluentui-emoji-unicode/assets/1f44b_flat.svg')
  })

  test('an emoji is drawn from its recorded SVG; with no layer it is laid out blank', async () => {
    const blank = await renderPixels(card(WAVE), { width: 120, height: 80 })
    expect(redPixels(blank.pixels)).toBe(0)
    expect(blank.warnings.some((w) => w.startsWith('emoji'))).toBe(true)

    installNetwork(recorded({ [emojiUrl(WAVE, 'noto')]: { body: RED_DISC, type: 'image/svg+xml' } }))
    const drawn = await renderPixels(card(WAVE), { width: 120, height: 80, emoji: 'noto' })
    expect(redPixels(drawn.pixels)).toBeGreaterThan(500)
    expect(drawn.warnings).toEqual([])
  })

  test('an emoji with no recording fails the render naming its URL, and is noted for the image test', async () => {
    installNetwork(recorded({}))
    await expect(renderPixels(card(WAVE), { width: 120, height: 80 })).rejects.toThrow(
      `emoji "${WAVE}" (twemoji) could not be loaded from ${emojiUrl(WAVE, undefined)}`,
    )
    expect(takeNetworkProblems().map((p) => p.request)).toEqual([`GET ${emojiUrl(WAVE, undefined)}`])
  })

  test('a remote <img src> is drawn from its recording; with no layer it is refused', async () => {
    const url = 'https://images.example.com/dot.svg'
    const image = (
      <div style={{ width: '100%', height: '100%', display: 'flex', background: '#ffffff' }}>
        <img src={url} width={40} height={40} />
      </div>
    )
    await expect(renderPixels(image, { width: 40, height: 40 })).rejects.toThrow(/never fetches over the network/)
    installNetwork(recorded({ [url]: { body: RED_DISC, type: 'image/svg+xml' } }))
    const drawn = await renderPixels(image, { width: 40, height: 40 })
    expect(redPixels(drawn.pixels)).toBeGreaterThan(600)
  })

  test('the local and private hosts next/og 16.4 refuses (satori 0.29 rule)', () => {
    for (const url of ['http://localhost:3000/a.png', 'http://127.0.0.1/a.png', 'http://[::1]/a.png', 'http://10.1.2.3/a.png', 'http://192.168.0.9/a.png', 'http://printer.local/a.png', 'http://[::ffff:7f00:1]/a.png', 'ftp://example.com/a.png']) {
      expect(isBlockedImageUrl(url), url).toBe(true)
    }
    for (const url of ['https://images.example.com/a.png', 'http://8.8.8.8/a.png', 'http://cdn.imgmeta.test:8080/a.png', 'http://[2606:4700::1111]/a.png']) {
      expect(isBlockedImageUrl(url), url).toBe(false)
    }
  })

  // Read from each release's dist/compiled/@vercel/og/index.node.js: only 16.4.6 bundles the check.
  const REFUSES: Record<string, boolean> = { '14.2.35': false, '15.5.29': false, '16.0.9': false, '16.1.6': false, '16.4.6': true }
  test.each(Object.entries(REFUSES))('next %s: a recorded <img> on a loopback address is refused: %s', async (release, refuses) => {
    const url = 'http://127.0.0.1:8080/dot.svg'
    installNetwork(recorded({ [url]: { body: RED_DISC, type: 'image/svg+xml' } }))
    const image = <div style={{ display: 'flex', background: '#ffffff' }}><img src={url} width={40} height={40} /></div>
    const rendering = renderPixels(image, { width: 40, height: 40, nextRelease: release })
    if (refuses) {
      await expect(rendering).rejects.toThrow(`Image source resolves to a blocked address (SSRF protection): ${url}`)
    } else {
      expect(redPixels((await rendering).pixels)).toBeGreaterThan(600)
    }
    // CSS url() goes through the same check in satori, so here too.
    const background = <div style={{ display: 'flex', width: '100%', height: '100%', backgroundImage: `url(${url})` }} />
    const css = renderPixels(background, { width: 40, height: 40, nextRelease: release })
    if (refuses) await expect(css).rejects.toThrow(`(SSRF protection): ${url}`)
    else expect(redPixels((await css).pixels)).toBeGreaterThan(600)
  })

  test('every measured release is covered by the per-release refusal test', () => {
    expect(Object.keys(REFUSES).sort()).toEqual(Object.keys(MEASURED_RELEASES).sort())
    for (const [release, refuses] of Object.entries(REFUSES)) expect(resolveRelease(release).blocksPrivateImageHosts, release).toBe(refuses)
  })
})
