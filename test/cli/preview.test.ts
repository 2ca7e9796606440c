import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BIN, copyFixture, REPO, runCli } from './cli-helpers.js'
import { timeoutOf } from '../helpers/timeouts.js'

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const TSX_LOADER = path.join(REPO, 'node_modules/tsx/dist/esm/index.mjs')

let dir: string
let child: ChildProcess
let url: string
let browser: BrowserContext
let userDataDir: string
let output = ''

/** A raw GET that sets any Host/Origin header (fetch would not let us lie about Host). */
function rawGet(port: number, pathname: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathname, headers, insecureHTTPParser: true }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', reject)
  })
}

beforeAll(async () => {
  dir = copyFixture()
  // The blog's layout names the site's origin, as real layouts do; the docs have none, so Next's fallback applies.
  writeFileSync(
    path.join(dir, 'app/blog/layout.tsx'),
    "export const metadata = { metadataBase: new URL('https://blog.example.com') }\n\nexport default function BlogLayout({ children }: { children: unknown }) {\n  return children\n}\n",
  )
  expect((await runCli(['update'], dir)).code).toBe(0)
  child = spawn(process.execPath, ['--import', TSX_LOADER, BIN, 'preview', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', PORT: '' } })
  url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /imgmeta preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)))
  })
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-chromium-'))
  // A fresh profile each run; playwright passes it to Chromium as --user-data-dir.
  browser = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1300, height: 1000 } })
}, timeoutOf(1))

afterAll(async () => {
  await browser?.close()
  if (child && child.exitCode === null) child.kill('SIGINT')
  rmSync(userDataDir, { recursive: true, force: true })
  rmSync(dir, { recursive: true, force: true })
})

describe('imgmeta preview in headless Chromium', () => {
  test('the gallery lists every image with its sizes, types, URLs per Next version and snapshot', async () => {
    const page = await browser.newPage()
    await page.goto(url)
    const cards = page.locator('article.image')
    await expect.poll(() => cards.count()).toBe(7)
    const titles = await page.locator('article.image h2').allTextContents()
    expect(titles.sort()).toEqual([
      '/blog/a/opengraph-image/square',
      '/blog/a/opengraph-image/wide',
      '/blog/b/opengraph-image/square',
      '/blog/b/opengraph-image/wide',
      '/docs/routing/twitter-image',
      '/icon/medium',
      '/icon/small',
    ])
    // every image decoded by the browser at its real size
    const sizes = await page.locator('article.image .frame img').evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => [img.complete, img.naturalWidth, img.naturalHeight]),
    )
    expect(sizes).toContainEqual([true, 600, 315])
    expect(sizes).toContainEqual([true, 48, 48])
    expect(sizes.every(([complete, w]) => complete === true && (w as number) > 0)).toBe(true)
    const wide = page.locator('article.image', { hasText: '/blog/a/opengraph-image/wide' })
    await expect.poll(() => wide.locator('table').innerText()).toMatch(/size\s+600×315\s+600×315/)
    const tags = await wide.locator('details').allInnerTexts()
    expect(tags).toHaveLength(3)
    expect(tags[2]).toMatch(/^Next 16 \(installed\): https:\/\/blog\.example\.com\/blog\/a\/opengraph-image\/wide\?[0-9a-f]{16}\n/)
    expect(tags[2]).toMatch(/<meta property="og:image" content="https:\/\/blog\.example\.com\/blog\/a\/opengraph-image\/wide\?[0-9a-f]{16}"\/>/)
    expect(tags[2]).toContain('<meta property="og:image:width" content="600"/>')
    expect(await wide.locator('.metadata-base').innerText()).toBe('metadataBase https://blog.example.com/ from blog/layout.tsx')
    // 14 and 15 build with webpack, whose hash is another one: the URL carries none, and the page says why.
    const next14 = wide.locator('details[data-version="14"]')
    expect(await next14.locator('summary').innerText()).toBe('Next 14: https://blog.example.com/blog/a/opengraph-image/wide')
    await next14.locator('summary').click()
    expect(await next14.locator('.query-note').innerText()).toContain('cannot compute')
    expect(await next14.locator('pre').innerText()).toContain('<meta property="og:image" content="https://blog.example.com/blog/a/opengraph-image/wide"/>')
    // Without a metadataBase, Next makes og/twitter URLs absolute on http://localhost:3000; icons stay relative.
    const docs = page.locator('article.image', { hasText: '/docs/routing/twitter-image' })
    expect(await docs.locator('details[data-version="16"] summary').innerText()).toMatch(/^Next 16 \(installed\): http:\/\/localhost:3000\/docs\/routing\/twitter-image\?[0-9a-f]{16}$/)
    expect(await docs.locator('.metadata-base').innerText()).toContain('no metadataBase is set, so Next uses http://localhost:3000')
    const icon = page.locator('article.image', { hasText: '/icon/small' })
    expect(await icon.locator('details[data-version="16"] summary').innerText()).toMatch(/^Next 16 \(installed\): \/icon\/small\?[0-9a-f]{16}$/)
    expect(await wide.locator('.snapshots figcaption').first().innerText()).toBe('snapshot (identical)')

    const shot = await page.screenshot({ fullPage: true })
    writeFileSync(path.join(REPO, '.tmp', 'preview-screenshot.png'), shot)
    const png = PNG.sync.read(shot)
    expect(png.width).toBe(1300)
    const colours = new Set<number>()
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i))
    expect(colours.size).toBeGreaterThan(20) // not a blank page
    const box = await wide.boundingBox()
    expect(box!.width).toBeGreaterThan(380)
    await page.close()
  })

  test('changing a route file re-renders and the open page reloads itself, showing the diff', async () => {
    const page = await browser.newPage()
    await page.goto(url)
    const generation = Number(await page.locator('body').getAttribute('data-generation'))
    const route = path.join(dir, 'app/blog/[slug]/opengraph-image.tsx')
    writeFileSync(route, readFileSync(route, 'utf8').replace('#fff7ed', '#dcfce7'))
    await expect
      .poll(async () => Number(await page.locator('body').getAttribute('data-generation').catch(() => '0')), { timeout: timeoutOf(0.5) })
      .toBeGreaterThan(generation)
    const wide = page.locator('article.image', { hasText: '/blog/a/opengraph-image/wide' })
    await expect.poll(() => wide.locator('.snapshots figcaption').first().innerText()).toMatch(/^snapshot \(\d+ pixels differ\)$/)
    const diff = wide.locator('.snapshots img[alt="diff"]')
    await expect.poll(() => diff.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1800)
    // the rendered image itself is the new one: its top-left pixel is the new background
    const pixel = await wide.locator('.frame img').evaluate(async (img) => {
      const image = img as HTMLImageElement
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.naturalWidth
      canvas.height = image.naturalHeight
      const context = canvas.getContext('2d')!
      context.drawImage(image, 0, 0)
      return [...context.getImageData(2, 2, 1, 1).data]
    })
    expect(pixel).toEqual([0xdc, 0xfc, 0xe7, 255])
    writeFileSync(path.join(REPO, '.tmp', 'preview-screenshot-changed.png'), await page.screenshot({ fullPage: true }))
    await page.close()
  })

  test('serves only its own images and snapshots, to loopback hosts only', async () => {
    const port = Number(new URL(url).port)
    expect(await rawGet(port, '/')).toBe(200)
    expect(await rawGet(port, '/snapshot/icon/small.png')).toBe(200)
    expect(await rawGet(port, '/', { host: 'evil.example' })).toBe(403)
    expect(await rawGet(port, '/', { host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(403)
    expect(await rawGet(port, '/snapshot/../package.json')).toBe(403)
    expect(await rawGet(port, '/snapshot/..%2f..%2fpackage.json')).toBe(403)
    expect(await rawGet(port, '/snapshot/%2e%2e/tsconfig.json')).toBe(403)
    expect(await rawGet(port, '/snapshot/icon/small.txt')).toBe(403)
    expect(await rawGet(port, '/app/icon.tsx')).toBe(404)
  })

  test('stops cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(output).toContain('imgmeta preview: stopped')
  })
})
