import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ImgmetaError, imageRoutePath, isUnderCatchAll, parseImageRoute, routeSuffix } from '../../src/index.js'
import { contractSuffix } from '../helpers/contract-suffix.js'

describe('routeSuffix: base-36 djb2 of the parent path, 6 characters', () => {
  test.each([
    ['/(group)/dynamic/[size]', 'ahg52g'],
    ['/(group)', '1ow20b'],
    ['/(group)/static', 'hwkw89'],
  ])('%s → %s', (parentPath, suffix) => {
    expect(routeSuffix(parentPath)).toBe(suffix)
    expect(contractSuffix(parentPath)).toBe(suffix)
  })
})

describe('parseImageRoute: which files are image routes (CONTRACT §1)', () => {
  test.each([
    ['app/icon.tsx', 'icon', 'code', undefined, '/icon'],
    ['app/icon.js', 'icon', 'code', undefined, '/icon'],
    ['app/icon.jsx', 'icon', 'code', undefined, '/icon'],
    ['app/icon.ts', 'icon', 'code', undefined, '/icon'],
    ['app/icon1.tsx', 'icon', 'code', 1, '/icon1'],
    ['app/apple-icon.tsx', 'apple-icon', 'code', undefined, '/apple-icon'],
    ['app/opengraph-image2.tsx', 'opengraph-image', 'code', 2, '/opengraph-image2'],
    ['app/twitter-image.tsx', 'twitter-image', 'code', undefined, '/twitter-image'],
    ['app/icon.ico', 'icon', 'static', undefined, '/icon.ico'],
    ['app/icon.svg', 'icon', 'static', undefined, '/icon.svg'],
    ['app/icon.png', 'icon', 'static', undefined, '/icon.png'],
    ['app/apple-icon.jpg', 'apple-icon', 'static', undefined, '/apple-icon.jpg'],
    ['app/opengraph-image.gif', 'opengraph-image', 'static', undefined, '/opengraph-image.gif'],
    ['app/twitter-image.jpeg', 'twitter-image', 'static', undefined, '/twitter-image.jpeg'],
  ])('%s → %s (%s, variant %s) at %s', (file, convention, source, variant, pathTemplate) => {
    const route = parseImageRoute(file)
    expect(route).toMatchObject({ convention, source, variant, pathTemplate })
  })

  test.each([
    ['app/apple-icon.svg', 'apple-icon takes no svg'],
    ['app/opengraph-image.svg', 'opengraph-image takes no svg'],
    ['app/icon.gif', 'icon takes no gif'],
    ['app/favicon.tsx', 'favicon cannot be generated from code'],
    ['app/icon12.tsx', 'only one digit'],
    ['app/_private/icon.tsx', 'below a _private folder'],
    ['lib/icon.tsx', 'outside app/'],
    ['app/page.tsx', 'not an image convention'],
  ])('%s is not an image route (%s)', (file) => {
    expect(parseImageRoute(file)).toBeNull()
  })

  test('pageExtensions decide what runs as code', () => {
    expect(parseImageRoute('app/icon.mdx', { pageExtensions: ['mdx', 'tsx'] })?.source).toBe('code')
    expect(parseImageRoute('app/icon.tsx', { pageExtensions: ['page.tsx'] })).toBeNull()
  })

  test('app root: app/ or src/app/, Windows separators, an explicit appDir', () => {
    expect(parseImageRoute('src/app/shop/icon.tsx')).toMatchObject({ appDir: 'src/app', pathTemplate: '/shop/icon' })
    expect(parseImageRoute('C:\\proj\\src\\app\\shop\\[slug]\\opengraph-image2.png')).toMatchObject({
      appDir: 'C:/proj/src/app',
      pathTemplate: '/shop/[slug]/opengraph-image2.png',
      source: 'static',
      variant: 2,
    })
    // A project living in /app (Docker): the appDir option says where the app root really is.
    expect(parseImageRoute('/app/src/app/icon.tsx', { appDir: '/app/src/app' })?.pathTemplate).toBe('/icon')
    expect(parseImageRoute('/elsewhere/icon.tsx', { appDir: '/app/src/app' })).toBeNull()
  })
})

describe('folder kinds and the URL (CONTRACT §2)', () => {
  test.each([
    ['app/shop/icon.tsx', {}, '/shop/icon', undefined],
    ['app/(group)/icon.tsx', {}, '/icon-1ow20b', '1ow20b'],
    ['app/@slot/icon.tsx', {}, `/icon-${contractSuffix('/@slot')}`, contractSuffix('/@slot')],
    ['app/(group)/dynamic/[size]/icon.tsx', { size: 'big' }, '/dynamic/big/icon-ahg52g', 'ahg52g'],
    ['app/(group)/static/opengraph-image.png', {}, '/static/opengraph-image-hwkw89.png', 'hwkw89'],
    ['app/shop/[slug]/icon.tsx', { slug: 'a b/ü' }, '/shop/a%20b%2F%C3%BC/icon', undefined],
    ['app/docs/[...path]/icon.tsx', { path: ['a', 'b c'] }, '/docs/a/b%20c/icon', undefined],
    ['app/docs/[[...path]]/icon.tsx', { path: ['a'] }, '/docs/a/icon', undefined],
    ['app/docs/[[...path]]/icon.tsx', {}, '/docs/icon', undefined],
  ])('%s with %j → %s', (file, params, url, suffix) => {
    const route = parseImageRoute(file)!
    expect(route.suffix).toBe(suffix)
    expect(imageRoutePath(route, params)).toBe(url)
  })

  test('params list each dynamic segment with its kind', () => {
    expect(parseImageRoute('app/[a]/(g)/[...b]/[[...c]]/icon.tsx')!.params).toEqual([
      { name: 'a', kind: 'single' },
      { name: 'b', kind: 'catch-all' },
      { name: 'c', kind: 'optional-catch-all' },
    ])
  })

  test('isUnderCatchAll: [...x] and [[...x]] but not [x]', () => {
    expect(isUnderCatchAll(parseImageRoute('app/docs/[...path]/icon.tsx')!)).toBe(true)
    expect(isUnderCatchAll(parseImageRoute('app/docs/[[...path]]/icon.tsx')!)).toBe(true)
    expect(isUnderCatchAll(parseImageRoute('app/docs/[slug]/icon.tsx')!)).toBe(false)
  })

  test('a missing param is an error naming the file, the param and the fix', () => {
    const route = parseImageRoute('app/shop/[slug]/icon.tsx')!
    expect(() => imageRoutePath(route, {})).toThrow(ImgmetaError)
    expect(() => imageRoutePath(route, {})).toThrow(
      'app/shop/[slug]/icon.tsx: route /shop/[slug]/icon needs param "slug" ([slug]) as a string; pass it in params, or give the page a generateStaticParams that returns it.',
    )
  })
})

describe('the app folder of a project that lives in a folder named app', () => {
  let base: string
  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-app-root-'))
    for (const dir of ['app/site/src/app/[locale]', 'app/plain/app/blog']) mkdirSync(path.join(base, dir), { recursive: true })
    writeFileSync(path.join(base, 'app/site/package.json'), '{}')
    writeFileSync(path.join(base, 'app/plain/package.json'), '{}')
  })
  afterAll(() => rmSync(base, { recursive: true, force: true }))

  test('the app folder is app/ or src/app/ under the nearest package.json, not the first folder named app', () => {
    const route = parseImageRoute(path.join(base, 'app/site/src/app/[locale]/opengraph-image.tsx'))
    expect(route).toMatchObject({ appDir: path.join(base, 'app/site/src/app'), pathTemplate: '/[locale]/opengraph-image' })
    expect(imageRoutePath(route!, { locale: 'en' })).toBe('/en/opengraph-image')
    expect(parseImageRoute(path.join(base, 'app/plain/app/blog/icon.tsx'))?.pathTemplate).toBe('/blog/icon')
  })

  test('a relative appDir is taken from the working folder', () => {
    const appDir = path.relative(process.cwd(), path.join(base, 'app/site/src/app'))
    expect(parseImageRoute(path.join(base, 'app/site/src/app/[locale]/opengraph-image.tsx'), { appDir })?.pathTemplate).toBe('/[locale]/opengraph-image')
  })
})
