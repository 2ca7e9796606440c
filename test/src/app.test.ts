import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findImageRoutes, imageRouteParams, ImgmetaError, pageImageTags, queryHash, type HeadTag } from '../../src/index.js'
import { pngBytes } from './helpers/images.js'

// A small app on disk, written as plain ESM so that import() loads it without a TS loader.
const ICO_16 = new Uint8Array([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0])
const FILES: Record<string, string | Uint8Array> = {
  'package.json': '{ "type": "module" }',
  'app/layout.js': `export const metadata = { metadataBase: new URL('https://shop.dev') }\nexport default function L() {}`,
  'app/page.js': 'export default function P() {}',
  'app/favicon.ico': ICO_16,
  'app/icon.js': `export function generateImageMetadata() { return [{ id: 'small', size: { width: 48, height: 48 } }, { id: 'medium', size: { width: 72, height: 72 } }] }\nexport default function I() {}`,
  'app/apple-icon.png': pngBytes(180, 180),
  'app/opengraph-image.js': `export const size = { width: 1200, height: 630 }\nexport const alt = 'Shop'\nexport default function O() {}`,
  'app/(marketing)/about/page.js': 'export default function P() {}',
  'app/products/[id]/page.js': `export function generateStaticParams() { return [{ id: '1' }, { id: '2' }] }\nexport default function P() {}`,
  'app/products/[id]/icon.js': `export const size = { width: 32, height: 32 }\nexport default function I() {}`,
  'app/products/[id]/opengraph-image.js': `export function generateImageMetadata({ params }) { return [{ id: 100, alt: 'p' + params.id, size: { width: 1200, height: 630 } }, { id: 101 }] }\nexport default function O() {}`,
  'app/[lang]/layout.js': `export function generateStaticParams() { return [{ lang: 'en' }, { lang: 'fr' }] }\nexport default function L() {}`,
  'app/[lang]/[slug]/page.js': `export const metadata = { openGraph: { title: 'no images here' } }\nexport function generateStaticParams({ params }) { return [{ slug: params.lang + '-a' }, { slug: params.lang + '-b' }] }\nexport default function P() {}`,
  'app/[lang]/[slug]/twitter-image.js': `export default function T() {}`,
  'app/_private/icon.js': 'export default function I() {}',
  'app/blog/page.js': `export const metadata = { icons: { icon: '/custom.png' } }\nexport default function P() {}`,
  // A slot above the page with a page for the same URL, and an icon of its own; it falls back to default.js
  // for /gallery/about.
  'app/gallery/layout.js': 'export default function L() {}',
  'app/gallery/about/page.js': 'export default function P() {}',
  'app/gallery/[photo]/page.js': `export function generateStaticParams() { return [{ photo: 'sunset' }] }\nexport default function P() {}`,
  'app/gallery/[photo]/icon.js': `export const size = { width: 24, height: 24 }\nexport default function I() {}`,
  'app/gallery/@promo/default.js': 'export default function D() {}',
  'app/gallery/@promo/[photo]/page.js': 'export default function P() {}',
  'app/gallery/@promo/icon.js': `export const size = { width: 32, height: 32 }\nexport default function I() {}`,
  // A slot beside a route group: 14 and 15 visit the group's branch first.
  'app/studio/icon.js': `export const size = { width: 28, height: 28 }\nexport default function I() {}`,
  'app/studio/(work)/[piece]/page.js': `export function generateStaticParams() { return [{ piece: 'vase' }] }\nexport default function P() {}`,
  'app/studio/(work)/[piece]/icon.js': `export const size = { width: 36, height: 36 }\nexport default function I() {}`,
  'app/studio/@panel/default.js': 'export default function D() {}',
  'app/studio/@panel/[piece]/page.js': 'export default function P() {}',
  // A layout's own og images and an opengraph-image file in the same folder.
  'app/journal/layout.js': `export const metadata = { openGraph: { images: 'https://cdn.dev/journal.png' } }\nexport default function L() {}`,
  'app/journal/page.js': 'export default function P() {}',
  'app/journal/opengraph-image.js': `export const size = { width: 1200, height: 630 }\nexport default function O() {}`,
  'app/social/page.js': `export const metadata = { openGraph: { images: [{ alt: 'A', height: 300, url: 'https://cdn.dev/a.png', width: 600 }, new URL('https://cdn.dev/b.png')] } }\nexport default function P() {}`,
}

let dir: string
let appDir: string
const load = (file: string) => import(file)
const hashOf = async (rel: string) => queryHash(typeof FILES[rel] === 'string' ? new TextEncoder().encode(FILES[rel] as string) : (FILES[rel] as Uint8Array))
const attrs = (tags: HeadTag[]) => tags.map((t) => t.attributes)

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'imgmeta-app-'))
  appDir = path.join(dir, 'app').replace(/\\/g, '/')
  for (const [rel, content] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true })
    await writeFile(path.join(dir, rel), content)
  }
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('findImageRoutes', () => {
  test('every image route, code and static, sorted; _private skipped', async () => {
    const routes = await findImageRoutes(appDir)
    expect(routes.map((r) => r.file.slice(appDir.length))).toEqual([
      '/[lang]/[slug]/twitter-image.js',
      '/apple-icon.png',
      '/gallery/@promo/icon.js',
      '/gallery/[photo]/icon.js',
      '/icon.js',
      '/journal/opengraph-image.js',
      '/opengraph-image.js',
      '/products/[id]/icon.js',
      '/products/[id]/opengraph-image.js',
      '/studio/(work)/[piece]/icon.js',
      '/studio/icon.js',
    ])
  })

  test('an unreadable app dir is a clear error', async () => {
    const missing = path.join(dir, 'nope')
    const error = await findImageRoutes(missing).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImgmetaError)
    expect(error).toMatchObject({ code: 'invalid-option' })
    // Names the folder, why it failed, and what to pass instead.
    expect((error as Error).message.startsWith(`app directory ${missing} cannot be read (ENOENT`)).toBe(true)
    expect((error as Error).message.endsWith('; pass the path of the app/ folder.')).toBe(true)
  })
})

describe('imageRouteParams: generateStaticParams of the layouts and page above, parents flowing into children', () => {
  test('a route without dynamic segments has one empty params object', async () => {
    const [route] = (await findImageRoutes(appDir)).filter((r) => r.file === `${appDir}/icon.js`)
    expect(await imageRouteParams(route!, { load })).toEqual([{}])
  })

  test("the page's generateStaticParams", async () => {
    const route = (await findImageRoutes(appDir)).find((r) => r.file.endsWith('products/[id]/opengraph-image.js'))!
    expect(await imageRouteParams(route, { load })).toEqual([{ id: '1' }, { id: '2' }])
  })

  test("a layout's params are passed to the page's generateStaticParams and merged", async () => {
    const route = (await findImageRoutes(appDir)).find((r) => r.convention === 'twitter-image')!
    expect(await imageRouteParams(route, { load })).toEqual([
      { lang: 'en', slug: 'en-a' },
      { lang: 'en', slug: 'en-b' },
      { lang: 'fr', slug: 'fr-a' },
      { lang: 'fr', slug: 'fr-b' },
    ])
  })
})

describe('pageImageTags', () => {
  test('the root page: og, twitter falling back to og, favicon first, icons, apple icons; metadataBase from the layout', async () => {
    const og = await hashOf('app/opengraph-image.js')
    const icon = await hashOf('app/icon.js')
    const tags = await pageImageTags(appDir, '/', { load, nextVersion: 16 })
    expect(attrs(tags)).toEqual([
      { property: 'og:image', content: `https://shop.dev/opengraph-image?${og}` },
      { property: 'og:image:type', content: 'image/png' },
      { property: 'og:image:width', content: '1200' },
      { property: 'og:image:height', content: '630' },
      { property: 'og:image:alt', content: 'Shop' },
      { name: 'twitter:card', content: 'summary_large_image' },
      { name: 'twitter:image', content: `https://shop.dev/opengraph-image?${og}` },
      { name: 'twitter:image:alt', content: 'Shop' },
      { name: 'twitter:image:type', content: 'image/png' },
      { name: 'twitter:image:width', content: '1200' },
      { name: 'twitter:image:height', content: '630' },
      { rel: 'icon', href: `/favicon.ico?${await hashOf('app/favicon.ico')}`, type: 'image/x-icon', sizes: '16x16' },
      { rel: 'icon', href: `/icon/small?${icon}`, type: 'image/png', sizes: '48x48' },
      { rel: 'icon', href: `/icon/medium?${icon}`, type: 'image/png', sizes: '72x72' },
      { rel: 'apple-touch-icon', href: `/apple-icon.png?${await hashOf('app/apple-icon.png')}`, type: 'image/png', sizes: '180x180' },
    ])
  })

  test("a segment's own icon replaces the root's (apple icons stay); the deepest og wins; 14's og order", async () => {
    const tags = await pageImageTags(appDir, '/products/1', { load, nextVersion: 14, metadataBase: 'https://x.dev' })
    const og = await hashOf('app/products/[id]/opengraph-image.js')
    expect(attrs(tags).filter((a) => a.property)).toEqual([
      { property: 'og:image:alt', content: 'p1' },
      { property: 'og:image:type', content: 'image/png' },
      { property: 'og:image', content: `https://x.dev/products/1/opengraph-image/100?${og}` },
      { property: 'og:image:width', content: '1200' },
      { property: 'og:image:height', content: '630' },
      { property: 'og:image:type', content: 'image/png' },
      { property: 'og:image', content: `https://x.dev/products/1/opengraph-image/101?${og}` },
    ])
    expect(attrs(tags).filter((a) => a.rel).map((a) => `${a.rel} ${a.href!.split('?')[0]}`)).toEqual([
      'icon /favicon.ico',
      'icon /products/1/icon',
      'apple-touch-icon /apple-icon.png',
    ])
  })

  test('route groups do not hide the root images; without metadataBase og URLs use localhost', async () => {
    const tags = await pageImageTags(appDir, '/about', { load: async (f) => (f.endsWith('layout.js') ? {} : import(f)) })
    expect(tags[0]!.attributes.content).toMatch(/^http:\/\/localhost:\d+\/opengraph-image\?[0-9a-f]{16}$/)
  })

  test("a page's openGraph without images drops the inherited og images; its own twitter-image stays", async () => {
    const tags = await pageImageTags(appDir, '/en/en-a', { load })
    expect(attrs(tags).some((a) => a.property === 'og:image')).toBe(false)
    expect(attrs(tags).find((a) => a.name === 'twitter:image')!.content).toMatch(/^https:\/\/shop\.dev\/en\/en-a\/twitter-image\?/)
  })

  test('metadata.icons replaces every file icon', async () => {
    const tags = await pageImageTags(appDir, '/blog', { load })
    expect(attrs(tags).filter((a) => a.rel)).toEqual([
      { rel: 'icon', href: `/favicon.ico?${await hashOf('app/favicon.ico')}`, type: 'image/x-icon', sizes: '16x16' },
      { rel: 'icon', href: '/custom.png' },
    ])
  })

  test('metadata.openGraph.images: 14 and 15 print each object in the key order written; twitter inherits it', async () => {
    const tags = await pageImageTags(appDir, '/social', { load, nextVersion: 15 })
    expect(attrs(tags).filter((a) => a.property || a.name).map((a) => `${a.property ?? a.name}=${a.content}`)).toEqual([
      'og:image:alt=A',
      'og:image:height=300',
      'og:image=https://cdn.dev/a.png',
      'og:image:width=600',
      'og:image=https://cdn.dev/b.png',
      'twitter:card=summary_large_image',
      'twitter:image:alt=A',
      'twitter:image:height=300',
      'twitter:image=https://cdn.dev/a.png',
      'twitter:image:width=600',
      'twitter:image=https://cdn.dev/b.png',
    ])
  })

  test('metadata.openGraph.images: 16 prints its fixed order', async () => {
    const tags = await pageImageTags(appDir, '/social', { load, nextVersion: 16 })
    expect(attrs(tags).filter((a) => a.property).map((a) => a.property)).toEqual(['og:image', 'og:image:width', 'og:image:height', 'og:image:alt', 'og:image'])
  })

  const iconPaths = (tags: HeadTag[]) => attrs(tags).filter((a) => a.rel === 'icon').map((a) => a.href!.split('?')[0])

  test('a slot above the page that renders for the URL adds its icons: Turbopack after the page branch, webpack before', async () => {
    // Turbopack (16) resolves /gallery's slots after its children branch: the slot's icon replaces the page's.
    expect(iconPaths(await pageImageTags(appDir, '/gallery/sunset', { load, nextVersion: 16 }))).toEqual(['/favicon.ico', '/gallery/icon-k931k0'])
    // webpack visits /gallery/@promo/[photo]/page before /gallery/[photo]/page: the page's own icon comes last.
    for (const nextVersion of [14, 15] as const) {
      expect(iconPaths(await pageImageTags(appDir, '/gallery/sunset', { load, nextVersion }))).toEqual(['/favicon.ico', '/gallery/sunset/icon'])
    }
    expect(iconPaths(await pageImageTags(appDir, '/gallery/sunset', { load, nextVersion: 16, bundler: 'webpack' }))).toEqual(['/favicon.ico', '/gallery/sunset/icon'])
  })

  test('a slot that falls back to its default adds nothing', async () => {
    for (const nextVersion of [14, 16] as const) {
      expect(iconPaths(await pageImageTags(appDir, '/gallery/about', { load, nextVersion }))).toEqual(['/favicon.ico', '/icon/small', '/icon/medium'])
    }
  })

  test("14 and 15 pair a slot's step with its parent folder: /studio's icon comes back after the group's branch", async () => {
    for (const nextVersion of [14, 15] as const) {
      expect(iconPaths(await pageImageTags(appDir, '/studio/vase', { load, nextVersion }))).toEqual(['/favicon.ico', '/studio/icon'])
    }
    expect(iconPaths(await pageImageTags(appDir, '/studio/vase', { load, nextVersion: 16 }))).toEqual(['/favicon.ico', '/studio/vase/icon-108ads'])
    expect(iconPaths(await pageImageTags(appDir, '/studio/vase', { load, nextVersion: 16, bundler: 'webpack' }))).toEqual(['/favicon.ico', '/studio/vase/icon-108ads'])
  })

  test("a layout's openGraph.images keep its own step only: the page's step applies the folder's opengraph-image", async () => {
    const tags = await pageImageTags(appDir, '/journal', { load, nextVersion: 16 })
    expect(attrs(tags).filter((a) => a.property === 'og:image').map((a) => a.content!.split('?')[0])).toEqual(['https://shop.dev/journal/opengraph-image'])
  })

  test('a path no page serves is a clear error', async () => {
    const error = await pageImageTags(appDir, '/a/b/c', { load }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImgmetaError)
    expect(error).toMatchObject({ code: 'no-such-page' })
    // Names the app folder, the path asked for, and which page file would serve it.
    expect((error as Error).message).toMatch(new RegExp(`^${escapeRegExp(appDir)} has no page for /a/b/c: expected a page\\.\\{[a-z,]+\\} whose folders match it\\.$`))
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
