import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { xxhash3 } from 'hash-wasm'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ImgmetaError, headTags, queryHash, renderHeadTags, resolveImageMetadata, type NextMajor } from '../../src/index.js'
import { moduleWith } from './helpers/images.js'

const VERSIONS: NextMajor[] = [14, 15, 16]

describe("Next's own e2e expectations, per version", () => {
  describe.each(VERSIONS)('Next %i', (nextVersion) => {
    test('app/(group)/dynamic/[size]/icon.tsx, ids small and medium, page /dynamic/big', async () => {
      const { mod } = moduleWith([
        { id: 'small', size: { width: 48, height: 48 }, contentType: 'image/png' },
        { id: 'medium', size: { width: 72, height: 72 }, contentType: 'image/png' },
      ])
      const images = await resolveImageMetadata(mod, { file: 'app/(group)/dynamic/[size]/icon.tsx', params: { size: 'big' }, nextVersion })
      expect(headTags(images, 'icon', { nextVersion }).map((t) => t.attributes)).toEqual([
        { rel: 'icon', href: '/dynamic/big/icon-ahg52g/small', type: 'image/png', sizes: '48x48' },
        { rel: 'icon', href: '/dynamic/big/icon-ahg52g/medium', type: 'image/png', sizes: '72x72' },
      ])
    })

    test('numeric ids: /metadata-base/unset/opengraph-image2/100 and /101', async () => {
      const { mod } = moduleWith([
        { id: 100, alt: 'a', size: { width: 1200, height: 630 } },
        { id: 101, alt: 'b', size: { width: 1200, height: 630 } },
      ])
      const images = await resolveImageMetadata(mod, { file: 'app/metadata-base/unset/opengraph-image2.tsx', nextVersion })
      expect(images.map((i) => i.pathname)).toEqual(['/metadata-base/unset/opengraph-image2/100', '/metadata-base/unset/opengraph-image2/101'])
      expect(images.map((i) => i.id)).toEqual([100, 101])
    })
  })

  test.each([14, 15] as const)('Next %i: items without id get the array index: …/apple-icon-ahg52g/0 and /1', async (nextVersion) => {
    const { mod } = moduleWith([
      { size: { width: 48, height: 48 }, contentType: 'image/png' },
      { size: { width: 64, height: 64 }, contentType: 'image/png' },
    ])
    const images = await resolveImageMetadata(mod, { file: 'app/(group)/dynamic/[size]/apple-icon.tsx', params: { size: 'big' }, nextVersion })
    expect(headTags(images, 'apple-icon', { nextVersion }).map((t) => t.attributes)).toEqual([
      { rel: 'apple-touch-icon', href: '/dynamic/big/apple-icon-ahg52g/0', type: 'image/png', sizes: '48x48' },
      { rel: 'apple-touch-icon', href: '/dynamic/big/apple-icon-ahg52g/1', type: 'image/png', sizes: '64x64' },
    ])
  })

  test('Next 16: an item without id gets /undefined', async () => {
    const { mod } = moduleWith([{ size: { width: 48, height: 48 } }])
    const [image] = await resolveImageMetadata(mod, { file: 'app/(group)/dynamic/[size]/apple-icon.tsx', params: { size: 'big' }, nextVersion: 16 })
    expect(image!.pathname).toBe('/dynamic/big/apple-icon-ahg52g/undefined')
  })
})

describe('the id in the URL, per version (CONTRACT §4)', () => {
  const rows: Array<[string, unknown, Record<NextMajor, string>]> = [
    ['string id', 'small', { 14: '/icon/small', 15: '/icon/small', 16: '/icon/small' }],
    ['numeric id', 100, { 14: '/icon/100', 15: '/icon/100', 16: '/icon/100' }],
    ['missing id', undefined, { 14: '/icon/1', 15: '/icon/1', 16: '/icon/undefined' }],
    ['null id', null, { 14: '/icon/1', 15: '/icon/1', 16: '/icon/null' }],
    ['id 0', 0, { 14: '/icon/1', 15: '/icon/1', 16: '/icon/0' }],
    // 16 appends the id only when its string is non-empty.
    ["id ''", '', { 14: '/icon/1', 15: '/icon/1', 16: '/icon' }],
    ['id with a space (not encoded)', 'with space', { 14: '/icon/with space', 15: '/icon/with space', 16: '/icon/with space' }],
    ['non-ASCII id (not encoded)', 'ünïcode', { 14: '/icon/ünïcode', 15: '/icon/ünïcode', 16: '/icon/ünïcode' }],
  ]
  test.each(rows.flatMap(([name, id, urls]) => VERSIONS.map((v) => [name, v, id, urls[v]] as const)))(
    '%s on %i',
    async (_name, nextVersion, id, pathname) => {
      const { mod } = moduleWith([{ id: 'first' }, id === undefined ? {} : { id }])
      const images = await resolveImageMetadata(mod, { file: 'app/icon.tsx', nextVersion })
      expect(images[1]!.pathname).toBe(pathname)
    },
  )
})

describe('items → fields (CONTRACT §3)', () => {
  test('icons get sizes, og/twitter get width and height, type defaults to image/png, alt passes through', async () => {
    const items = [{ id: 'a', size: { width: 48, height: 64 }, alt: 'A' }, { id: 'b', contentType: 'image/jpeg' }]
    const icon = await resolveImageMetadata(moduleWith(items).mod, { file: 'app/icon.tsx' })
    expect(icon).toEqual([
      { id: 'a', url: '/icon/a', pathname: '/icon/a', type: 'image/png', alt: 'A', sizes: '48x64' },
      { id: 'b', url: '/icon/b', pathname: '/icon/b', type: 'image/jpeg' },
    ])
    const og = await resolveImageMetadata(moduleWith(items).mod, { file: 'app/opengraph-image.tsx' })
    expect(og[0]).toEqual({ id: 'a', url: '/opengraph-image/a', pathname: '/opengraph-image/a', type: 'image/png', alt: 'A', width: 48, height: 64 })
  })

  test("with generateImageMetadata the file's own size, contentType and alt are ignored", async () => {
    const { mod } = moduleWith([{ id: 'a' }], { size: { width: 1, height: 2 }, contentType: 'image/jpeg', alt: 'file' })
    expect(await resolveImageMetadata(mod, { file: 'app/icon.tsx' })).toEqual([{ id: 'a', url: '/icon/a', pathname: '/icon/a', type: 'image/png' }])
  })

  test('without generateImageMetadata: one image, no id part, the file exports count', async () => {
    const mod = { default: () => new Response(''), size: { width: 32, height: 32 }, contentType: 'image/png', alt: 'Logo' }
    expect(await resolveImageMetadata(mod, { file: 'app/shop/icon.tsx' })).toEqual([
      { id: undefined, url: '/shop/icon', pathname: '/shop/icon', type: 'image/png', alt: 'Logo', sizes: '32x32' },
    ])
  })

  test('metadataBase makes og/twitter URLs absolute (Next parses them, so spaces are encoded); icons stay relative', async () => {
    const items = [{ id: 'with space' }]
    const og = await resolveImageMetadata(moduleWith(items).mod, { file: 'app/blog/opengraph-image.tsx', metadataBase: 'https://example.com/base' })
    expect(og[0]!.url).toBe('https://example.com/base/blog/opengraph-image/with%20space')
    const icon = await resolveImageMetadata(moduleWith(items).mod, { file: 'app/blog/icon.tsx', metadataBase: 'https://example.com' })
    expect(icon[0]!.url).toBe('/blog/icon/with space')
  })
})

describe('params (CONTRACT §4, §7)', () => {
  test.each(VERSIONS)('Next %i: generateImageMetadata gets {} without dynamic segments, plain params otherwise', async (nextVersion) => {
    const root = moduleWith([{ id: 'a' }])
    await resolveImageMetadata(root.mod, { file: 'app/icon.tsx', nextVersion, params: { unrelated: 'x' } })
    expect(root.calls.generate).toEqual([{ params: {} }])
    const nested = moduleWith([{ id: 'a' }])
    await resolveImageMetadata(nested.mod, { file: 'app/[lang]/shop/[slug]/icon.tsx', nextVersion, params: { lang: 'en', slug: 'a', child: 'x' } })
    expect(nested.calls.generate).toEqual([{ params: { lang: 'en', slug: 'a' } }])
  })
})

describe('the ?query: xxh3-64 of the source file, 16 hex characters', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'imgmeta-resolve-'))
    await mkdir(path.join(dir, 'app', 'empty'), { recursive: true })
    await writeFile(path.join(dir, 'app', 'empty', 'icon.tsx'), '')
    await writeFile(path.join(dir, 'app', 'icon.tsx'), 'export default function Icon() {}\n')
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('the reference xxh3-64 of empty input is 2d06800538d394c2', async () => {
    expect(await queryHash(new Uint8Array())).toBe('2d06800538d394c2')
    const [image] = await resolveImageMetadata(moduleWith([{ id: 'a' }]).mod, { file: path.join(dir, 'app', 'empty', 'icon.tsx') })
    expect(image!.url).toBe('/empty/icon/a?2d06800538d394c2')
  })

  test('one value per file, the same for every id and params; pathname has none', async () => {
    const file = path.join(dir, 'app', 'icon.tsx')
    const images = await resolveImageMetadata(moduleWith([{ id: 'a' }, { id: 'b' }]).mod, { file })
    const queries = images.map((i) => i.url.split('?')[1])
    expect(queries[0]).toMatch(/^[0-9a-f]{16}$/)
    expect(queries[1]).toBe(queries[0])
    expect(images[0]!.pathname).toBe('/icon/a')
    expect(queries[0]).not.toBe('2d06800538d394c2')
    // The file's bytes hashed directly with hash-wasm's xxh3-64: the query is of this file's content.
    expect(queries[0]).toBe((await xxhash3(await readFile(file))).padStart(16, '0'))
  })

  test('the source option stands in for a file that is not on disk', async () => {
    const [image] = await resolveImageMetadata(moduleWith([{ id: 'a' }]).mod, { file: 'app/icon.tsx', source: '' })
    expect(image!.url).toBe('/icon/a?2d06800538d394c2')
  })
})

describe('bad input', () => {
  test('a module without default export: Next\'s message, wrapped, naming the file', async () => {
    const mod = { generateImageMetadata: () => [{ id: 'a' }] }
    const error = await resolveImageMetadata(mod, { file: 'app/shop/icon.tsx' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImgmetaError)
    expect(error).toMatchObject({ code: 'missing-default-export' })
    expect((error as Error).message).toBe(
      'app/shop/icon.tsx (route /shop/icon): Default export is missing in "app/shop/icon.tsx". Export the image function as default (export default function Image() { return new ImageResponse(...) }).',
    )
  })

  test('generateImageMetadata that throws', async () => {
    const mod = { default: () => null, generateImageMetadata: () => Promise.reject(new Error('database down')) }
    await expect(resolveImageMetadata(mod, { file: 'app/icon.tsx' })).rejects.toMatchObject({
      code: 'generate-image-metadata-failed',
      message: 'app/icon.tsx (route /icon): generateImageMetadata threw: database down',
    })
  })

  test('generateImageMetadata that never resolves is bounded by timeoutMs', async () => {
    const mod = { default: () => null, generateImageMetadata: () => new Promise(() => {}) }
    await expect(resolveImageMetadata(mod, { file: 'app/icon.tsx', timeoutMs: 50 })).rejects.toMatchObject({
      code: 'timeout',
      message:
        'app/icon.tsx (route /icon): generateImageMetadata did not settle within 50 ms; make it resolve (await every promise it starts) or raise the timeoutMs option.',
    })
  })

  test('generateImageMetadata returning a Response', async () => {
    const { mod } = moduleWith(new Response('[]'))
    await expect(resolveImageMetadata(mod, { file: 'app/icon.tsx' })).rejects.toMatchObject({
      code: 'invalid-image-metadata',
      message:
        'app/icon.tsx (route /icon): generateImageMetadata returned a Response; expected an array of { id, size?, alt?, contentType? } items (Next calls .map on it).',
    })
  })

  test('a file outside app/', async () => {
    await expect(resolveImageMetadata(moduleWith([]).mod, { file: 'lib/icon.tsx' })).rejects.toMatchObject({
      code: 'not-an-image-route',
      message:
        'lib/icon.tsx is not a metadata image route: expected a file named icon, apple-icon, opengraph-image or twitter-image (optionally with one digit) inside an app/ folder, not below a _private folder. Pass the route file\'s path, and appDir when the app root is not called app.',
    })
  })

  test('a generateImageMetadata route below a catch-all has no URL', async () => {
    await expect(resolveImageMetadata(moduleWith([{ id: 'a' }]).mod, { file: 'app/docs/[...path]/icon.tsx', params: { path: ['a'] } })).rejects.toMatchObject({
      code: 'catch-all-route',
    })
  })

  test('a missing param names the file and the fix', async () => {
    await expect(resolveImageMetadata(moduleWith([{ id: 'a' }]).mod, { file: 'app/shop/[slug]/icon.tsx' })).rejects.toMatchObject({ code: 'missing-param' })
  })
})

describe('renderHeadTags prints what React prints', () => {
  test('attributes escaped, self-closing', async () => {
    const { mod } = moduleWith([{ id: 'a', alt: 'Tom & "Jerry"', size: { width: 1200, height: 630 } }])
    const images = await resolveImageMetadata(mod, { file: 'app/opengraph-image.tsx', metadataBase: 'https://x.dev' })
    expect(renderHeadTags(images, 'opengraph-image', { nextVersion: 16 })).toBe(
      [
        '<meta property="og:image" content="https://x.dev/opengraph-image/a"/>',
        '<meta property="og:image:type" content="image/png"/>',
        '<meta property="og:image:width" content="1200"/>',
        '<meta property="og:image:height" content="630"/>',
        '<meta property="og:image:alt" content="Tom &amp; &quot;Jerry&quot;"/>',
      ].join('\n'),
    )
  })
})
