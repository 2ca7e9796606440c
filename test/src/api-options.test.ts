// Every option of the public API is checked: unknown keys (with the closest known name), types and ranges.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createImageRouteHandler,
  findImageRoutes,
  headTags,
  imageRouteParams,
  matchImageRequest,
  pageImageTags,
  parseImageRoute,
  renderHeadTags,
  renderImageRoute,
  resolveImageMetadata,
  validateImageMetadata,
  type ImageRoute,
} from '../../src/index.js'
import { moduleWith } from './helpers/images.js'

const ITEMS = [{ id: 'small', size: { width: 48, height: 48 }, contentType: 'image/png' }]
const FILE = 'app/shop/[slug]/icon.tsx'

/** Expects `call` to throw (or reject with) an ImgmetaError invalid-option whose message contains `text`. */
async function expectInvalid(call: () => unknown, text: string): Promise<void> {
  await expect(async () => call()).rejects.toMatchObject({ name: 'ImgmetaError', code: 'invalid-option', message: expect.stringContaining(text) })
}

let appDir: string
let load: (file: string) => Promise<unknown>
let route: ImageRoute

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'imgmeta-api-options-'))
  const files: Record<string, string> = {
    'package.json': '{ "type": "module" }',
    'app/page.js': 'export default function P() {}',
    'app/shop/[slug]/page.js': `export function generateStaticParams() { return [{ slug: 'hats' }] }\nexport default function P() {}`,
    'app/shop/[slug]/icon.js': `export const size = { width: 32, height: 32 }\nexport default function I() {}`,
  }
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true })
    await writeFile(path.join(root, name), content)
  }
  appDir = path.join(root, 'app').split(path.sep).join('/')
  load = (file) => import(/* @vite-ignore */ file)
  route = (await findImageRoutes(appDir))[0]!
})

afterAll(async () => {
  await rm(path.dirname(appDir), { recursive: true, force: true })
})

describe('renderImageRoute', () => {
  test('an unknown key names the closest option, and nothing of the route runs', async () => {
    const { mod, calls } = moduleWith(ITEMS)
    await expectInvalid(() => renderImageRoute(mod, { fiel: 'x' } as never), 'renderImageRoute options: unknown option "fiel" (did you mean "file"?). Valid options: file,')
    await expectInvalid(() => renderImageRoute(mod, { file: FILE, id: 'small', timeotMs: 5 } as never), 'unknown option "timeotMs" (did you mean "timeoutMs"?)')
    expect(calls).toEqual({ generate: [], image: [] })
  })

  test('a wrong type or range is named with what was given and what is accepted', async () => {
    const { mod, calls } = moduleWith(ITEMS)
    const base = { file: FILE, params: { slug: 'hats' }, id: 'small' }
    await expectInvalid(() => renderImageRoute(mod, { ...base, timeoutMs: -1 }), 'renderImageRoute options: timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got -1.')
    await expectInvalid(() => renderImageRoute(mod, { ...base, timeoutMs: 1.5 }), 'timeoutMs must be a whole number of milliseconds')
    await expectInvalid(() => renderImageRoute(mod, { ...base, timeoutMs: 2 ** 31 }), 'got 2147483648')
    await expectInvalid(() => renderImageRoute(mod, { ...base, nextVersion: 13 as never }), 'renderImageRoute options: nextVersion must be 14, 15 or 16, got 13.')
    await expectInvalid(() => renderImageRoute(mod, { ...base, id: { id: 'small' } as never }), 'id must be a string or a finite number, got {"id":"small"}.')
    await expectInvalid(() => renderImageRoute(mod, { ...base, params: { slug: 3 } as never }), 'params must be an object of route params')
    await expectInvalid(() => renderImageRoute(mod, { ...base, pageExtensions: ['.tsx'] }), 'pageExtensions must be a non-empty array of extensions without the dot')
    await expectInvalid(() => renderImageRoute(mod, { id: 'small' } as never), "renderImageRoute options: file is required: a non-empty string (a path).")
    await expectInvalid(() => renderImageRoute(mod, 'app/icon.tsx' as never), 'renderImageRoute: options must be an object, got "app/icon.tsx".')
    expect(calls).toEqual({ generate: [], image: [] })
  })

  test('valid options still render, undefined counting as left out', async () => {
    const { mod } = moduleWith(ITEMS)
    const image = await renderImageRoute(mod, { file: FILE, params: { slug: 'hats' }, id: 'small', nextVersion: 15, timeoutMs: 60_000, appDir: undefined })
    expect([image.width, image.height, image.status]).toEqual([48, 48, 200])
  })
})

describe('createImageRouteHandler', () => {
  test('unknown keys, wrong types and ranges throw before a handler exists', async () => {
    const { mod } = moduleWith(ITEMS)
    await expectInvalid(() => createImageRouteHandler(mod, { file: FILE, nextVerson: 15 } as never), 'createImageRouteHandler options: unknown option "nextVerson" (did you mean "nextVersion"?)')
    // An option renderImageRoute takes is not one the handler takes: it serves every id.
    await expectInvalid(() => createImageRouteHandler(mod, { file: FILE, id: 'small' } as never), 'unknown option "id"')
    await expectInvalid(() => createImageRouteHandler(mod, { file: FILE, timeoutMs: 0 }), 'createImageRouteHandler options: timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got 0.')
    await expectInvalid(() => createImageRouteHandler(mod, { file: FILE, appDir: 42 } as never), 'appDir must be a non-empty string (a path), got 42.')
    await expectInvalid(() => createImageRouteHandler(mod, { file: '' }), 'createImageRouteHandler options: file must be a non-empty string (a path), got "".')
  })

  test('valid options build a handler that serves the image', async () => {
    const handler = createImageRouteHandler(moduleWith(ITEMS).mod, { file: FILE, nextVersion: 14, timeoutMs: 60_000, pageExtensions: ['tsx'] })
    expect((await handler(new Request('http://localhost/shop/hats/icon/small'))).status).toBe(200)
  })
})

describe('resolveImageMetadata', () => {
  test('unknown keys, wrong types and ranges are errors, and generateImageMetadata does not run', async () => {
    const { mod, calls } = moduleWith(ITEMS)
    const base = { file: FILE, params: { slug: 'hats' }, source: 'x' }
    await expectInvalid(() => resolveImageMetadata(mod, { ...base, metadatabase: 'https://x.dev' } as never), 'resolveImageMetadata options: unknown option "metadatabase" (did you mean "metadataBase"?)')
    await expectInvalid(() => resolveImageMetadata(mod, { ...base, metadataBase: 'x.dev' }), 'metadataBase must be an absolute URL, as a string such as "https://example.com" or a URL, got "x.dev".')
    await expectInvalid(() => resolveImageMetadata(mod, { ...base, source: 42 } as never), "source must be a string or a Uint8Array of the file's bytes, got 42.")
    await expectInvalid(() => resolveImageMetadata(mod, { ...base, nextVersion: '16' } as never), 'nextVersion must be 14, 15 or 16, got "16".')
    await expectInvalid(() => resolveImageMetadata(mod, { ...base, timeoutMs: Number.POSITIVE_INFINITY }), 'timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got Infinity.')
    expect(calls.generate).toEqual([])
  })

  test('valid options resolve, with a URL as metadataBase', async () => {
    const images = await resolveImageMetadata(moduleWith(ITEMS).mod, { file: FILE, params: { slug: 'hats' }, source: 'x', metadataBase: new URL('https://x.dev') })
    expect(images.map((i) => i.pathname)).toEqual(['/shop/hats/icon/small'])
  })
})

describe('validateImageMetadata', () => {
  test('unknown keys, a convention or version that is not one are errors', async () => {
    await expectInvalid(() => validateImageMetadata(ITEMS, { conventoin: 'icon' } as never), 'validateImageMetadata options: unknown option "conventoin" (did you mean "convention"?)')
    await expectInvalid(() => validateImageMetadata(ITEMS, { convention: 'favicon' } as never), 'convention must be "opengraph-image", "twitter-image", "apple-icon" or "icon", got "favicon".')
    await expectInvalid(() => validateImageMetadata(ITEMS, { nextVersion: 17 } as never), 'nextVersion must be 14, 15 or 16, got 17.')
    await expectInvalid(() => validateImageMetadata(ITEMS, { route: 7 } as never), "route must be the route file's path or the route parseImageRoute returns, got 7.")
  })

  test('valid options still validate', () => {
    expect(validateImageMetadata(ITEMS, { convention: 'icon', nextVersion: 14, route: FILE })).toEqual([])
    expect(validateImageMetadata([{}], { route })).toMatchObject([{ code: 'missing-id' }])
  })
})

describe('headTags and renderHeadTags', () => {
  const images = [{ id: 'small', url: '/icon/small', pathname: '/icon/small', type: 'image/png', sizes: '48x48' }]

  test('an unknown key, a wrong version or convention is an error', async () => {
    await expectInvalid(() => headTags(images, 'icon', { nextVerison: 14 } as never), 'headTags options: unknown option "nextVerison" (did you mean "nextVersion"?)')
    await expectInvalid(() => headTags(images, 'opengraph-image', { nextVersion: 13 } as never), 'headTags options: nextVersion must be 14, 15 or 16, got 13.')
    await expectInvalid(() => headTags(images, 'og-image' as never), 'headTags: convention must be "opengraph-image", "twitter-image", "apple-icon" or "icon", got "og-image".')
    await expectInvalid(() => renderHeadTags([], undefined, { version: 16 } as never), 'renderHeadTags options: unknown option "version"')
  })

  test('valid options still make tags', () => {
    expect(headTags(images, 'icon', { nextVersion: 15 })).toEqual([{ tag: 'link', attributes: { rel: 'icon', href: '/icon/small', type: 'image/png', sizes: '48x48' } }])
  })
})

describe('parseImageRoute, findImageRoutes, imageRouteParams, matchImageRequest', () => {
  test('unknown keys, wrong types and ranges are errors', async () => {
    await expectInvalid(() => parseImageRoute(FILE, { appdir: 'app' } as never), 'parseImageRoute options: unknown option "appdir" (did you mean "appDir"?)')
    await expectInvalid(() => parseImageRoute(FILE, { pageExtensions: 'tsx' } as never), 'pageExtensions must be a non-empty array of extensions without the dot, such as ["tsx", "ts"], got "tsx".')
    await expectInvalid(() => parseImageRoute(undefined as never), 'parseImageRoute: file must be a non-empty string (a path), got undefined.')
    await expectInvalid(() => findImageRoutes(appDir, { pageExtension: ['js'] } as never), 'findImageRoutes options: unknown option "pageExtension" (did you mean "pageExtensions"?)')
    await expectInvalid(() => findImageRoutes(['app'] as never), 'findImageRoutes: appDir must be a non-empty string (a path), got ["app"].')
    await expectInvalid(() => imageRouteParams(route, { loader: load } as never), 'imageRouteParams options: unknown option "loader" (did you mean "load"?)')
    await expectInvalid(() => imageRouteParams(route, { load: 'import' } as never), 'load must be a function (file) => Promise<module>, got "import".')
    await expectInvalid(() => matchImageRequest(route, '/shop/hats/icon', { withId: false } as never), 'matchImageRequest options: unknown option "withId" (did you mean "withIds"?)')
    await expectInvalid(() => matchImageRequest(route, '/shop/hats/icon', {} as never), 'matchImageRequest options: withIds is required: true or false.')
  })

  test('valid options still work', async () => {
    expect(parseImageRoute('src/app/icon.tsx', { appDir: 'src/app', pageExtensions: ['tsx'] })?.pathTemplate).toBe('/icon')
    expect((await findImageRoutes(appDir, { pageExtensions: ['js'] })).map((r) => r.pathTemplate)).toEqual(['/shop/[slug]/icon'])
    expect(await imageRouteParams(route, { load, timeoutMs: 60_000 })).toEqual([{ slug: 'hats' }])
    expect(matchImageRequest(route, '/shop/hats/icon', { withIds: false })).toEqual({ params: { slug: 'hats' }, id: undefined })
  })
})

describe('pageImageTags', () => {
  test('unknown keys, wrong types and ranges are errors, and no module is loaded', async () => {
    const loaded: string[] = []
    const tracking = (file: string) => (loaded.push(file), load(file))
    await expectInvalid(() => pageImageTags(appDir, '/shop/hats', { load: tracking, bundlr: 'webpack' } as never), 'pageImageTags options: unknown option "bundlr" (did you mean "bundler"?)')
    await expectInvalid(() => pageImageTags(appDir, '/shop/hats', { load: tracking, bundler: 'vite' } as never), 'bundler must be "turbopack" or "webpack", got "vite".')
    await expectInvalid(() => pageImageTags(appDir, '/shop/hats', { load: tracking, timeoutMs: '5s' } as never), 'timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got "5s".')
    await expectInvalid(() => pageImageTags(appDir, 'shop/hats', { load: tracking }), 'pageImageTags: pathname must be a URL path starting with "/", such as "/blog/hats", got "shop/hats".')
    expect(loaded).toEqual([])
  })

  test('valid options still make the page tags', async () => {
    const tags = await pageImageTags(appDir, '/shop/hats', { load, nextVersion: 16, bundler: 'webpack', metadataBase: 'https://x.dev', timeoutMs: 60_000 })
    expect(tags.map((t) => t.attributes.href)).toEqual([expect.stringMatching(/^\/shop\/hats\/icon\?/)])
  })
})
