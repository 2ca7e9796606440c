import path from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { ImgmetaError } from '../../src/errors.js'
import { toHaveValidImageMetadata, type ImageMetadataMatcherOptions } from '../../matchers/image-metadata.js'

// The fixture routes import next/og as a real app does; render them with the reference renderer instead.
vi.mock('next/og', () => import('../../og/index.js'))
expect.extend({ toHaveValidImageMetadata })

const APP = 'test/fixtures/image-routes-app/app'

/**
 * Imports a fixture route through vitest, as a user's test does. The path is computed so that tsc does not
 * follow it: the fixture app is type-checked with its own Next-like tsconfig.
 */
function route(file: string): Promise<{ generateImageMetadata(): unknown }> {
  return import(/* @vite-ignore */ path.resolve(APP, file))
}

/** The assertion, typed here so the test does not depend on the setup file's augmentation. */
function check(received: unknown, options?: ImageMetadataMatcherOptions, not = false): Promise<void> {
  const assertion = (not ? expect(received).not : expect(received)) as unknown as {
    toHaveValidImageMetadata(options?: ImageMetadataMatcherOptions): Promise<void>
  }
  return assertion.toHaveValidImageMetadata(options)
}

/** The failure message of an assertion that must fail. */
async function failureOf(assertion: Promise<void>): Promise<string> {
  try {
    await assertion
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the assertion to fail, but it passed')
}

describe('toHaveValidImageMetadata on correct routes', () => {
  test('passes for a route with two ids, finding the route file from vitest', async () => {
    const mod = await route('icon.tsx')
    await check(mod)
  })

  test('passes for a dynamic route with its params', async () => {
    const mod = await route('shop/[slug]/opengraph-image.tsx')
    await check(mod, { params: { slug: 'hats' } })
  })

  test('passes for a route without generateImageMetadata under a route group', async () => {
    const mod = await route('(marketing)/about/twitter-image.tsx')
    await check(mod)
  })

  test('.not fails and lists what was checked', async () => {
    const mod = await route('icon.tsx')
    expect(await failureOf(check(mod, {}, true))).toBe(
      `expected image route ${APP}/icon.tsx not to have valid image metadata, but it passed every check ` +
        '(2 images requested: /icon/small 48×48 image/png, /icon/medium 72×72 image/png)',
    )
  })

  test('a module built by hand needs the file option', async () => {
    const mod = {
      generateImageMetadata: () => [{ id: 'a', size: { width: 10, height: 10 } }],
      default: () => new Response('x'),
    }
    const error = await check(mod).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImgmetaError)
    expect((error as ImgmetaError).code).toBe('invalid-option')
    expect((error as Error).message).toBe(
      'toHaveValidImageMetadata: cannot tell which route file this module was loaded from (it was not imported ' +
        'through vitest in this test). Pass it: toHaveValidImageMetadata({ file: "app/icon.tsx" }).',
    )
    expect(await failureOf(check(mod, { file: 'app/blog/icon.tsx' }))).toBe(
      'expected image route app/blog/icon.tsx to have valid image metadata, but found 1 problem:\n' +
        '  - route /blog/icon, id "a": GET /blog/icon/a answered text/plain;charset=UTF-8 with 1 bytes that are not a PNG, ' +
        'JPEG, GIF, WebP or ICO image; expected an image such as new ImageResponse(...) renders. [not-an-image]',
    )
  })

  test('a dynamic route without its params is a usage error that names the param', async () => {
    const mod = await route('shop/[slug]/opengraph-image.tsx')
    const error = await check(mod).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImgmetaError)
    expect((error as ImgmetaError).code).toBe('missing-param')
    expect((error as Error).message).toContain('needs param "slug" ([slug])')
  })
})

describe('toHaveValidImageMetadata on the bugs real projects ship', () => {
  test('a default 1200×630 ImageResponse under a declared 48×48', async () => {
    const mod = await route('bugs/size/icon.tsx')
    expect(await failureOf(check(mod))).toBe(
      `expected image route ${APP}/bugs/size/icon.tsx to have valid image metadata, but found 1 problem:\n` +
        '  - route /bugs/size/icon, id "small": item [0] declares size 48×48 but the image function rendered 1200×630; ' +
        'the tags would tell crawlers the wrong size. Expected them to match. [size-mismatch]',
    )
  })

  test('a webp contentType over a PNG', async () => {
    const mod = await route('bugs/content-type/opengraph-image.tsx')
    expect(await failureOf(check(mod))).toBe(
      `expected image route ${APP}/bugs/content-type/opengraph-image.tsx to have valid image metadata, but found 1 problem:\n` +
        '  - route /bugs/content-type/opengraph-image, id "webp": item [0] declares contentType "image/webp" but the ' +
        'image function answered "image/png"; contentType only changes the tag, not the image. Expected them to match. ' +
        '[content-type-mismatch]',
    )
  })

  test('a default export that throws', async () => {
    const mod = await route('bugs/throws/icon.tsx')
    expect(await failureOf(check(mod))).toBe(
      `expected image route ${APP}/bugs/throws/icon.tsx to have valid image metadata, but found 1 problem:\n` +
        '  - route /bugs/throws/icon, id "broken": the default export threw: ENOENT: no such file or directory, ' +
        'open ./fonts/Inter-Bold.ttf [render-failed]',
    )
  })

  test('a default export that returns JSX instead of a Response', async () => {
    const mod = await route('bugs/non-response/icon.tsx')
    expect(await failureOf(check(mod))).toBe(
      `expected image route ${APP}/bugs/non-response/icon.tsx to have valid image metadata, but found 1 problem:\n` +
        '  - route /bugs/non-response/icon, id "jsx": the default export returned an object; expected a Response such ' +
        'as new ImageResponse(...). [render-failed]',
    )
  })

  test('generateImageMetadata returning a Response instead of an array', async () => {
    const mod = await route('bugs/returns-response/icon.tsx')
    expect(await failureOf(check(mod))).toBe(
      `expected image route ${APP}/bugs/returns-response/icon.tsx to have valid image metadata, but found 1 problem:\n` +
        '  - route /bugs/returns-response/icon: generateImageMetadata returned a Response; expected an array of ' +
        '{ id, size?, alt?, contentType? } items. [not-an-array]',
    )
  })

  test('items without an id, on Next 16 and on Next 15', async () => {
    const mod = await route('bugs/missing-id/icon.tsx')
    const next16 = (index: number) =>
      `  - route /bugs/missing-id/icon: item [${index}] has no id (found undefined): Next 16 builds the URL /undefined ` +
      'and fails with "id property is required for every item returned from generateImageMetadata". ' +
      'Expected a unique string or number id. [missing-id]'
    expect(await failureOf(check(mod, { nextVersion: 16 }))).toBe(
      `expected image route ${APP}/bugs/missing-id/icon.tsx to have valid image metadata, but found 2 problems:\n` +
        `${next16(0)}\n${next16(1)}`,
    )
    expect(await failureOf(check(mod, { nextVersion: 15 }))).toContain(
      '  - route /bugs/missing-id/icon: item [1] has no id (found undefined): Next 15 serves it at the array index /1 ' +
        'and throws in development. Expected a unique string or number id. [missing-id]',
    )
  })

  test('an id no URL can reach answers 404, besides breaking the contract', async () => {
    const mod = await route('bugs/unreachable-id/icon.tsx')
    expect(await failureOf(check(mod))).toBe(
      `expected image route ${APP}/bugs/unreachable-id/icon.tsx to have valid image metadata, but found 2 problems:\n` +
        '  - route /bugs/unreachable-id/icon, id "logo/dark": id of item [1] is "logo/dark", which contains "/": the id ' +
        'fills a single URL segment, so this image can never be requested. Expected an id without / \\ ? #. [unroutable-id]\n' +
        '  - route /bugs/unreachable-id/icon, id "logo/dark": GET /bugs/unreachable-id/icon/logo/dark answered 404 ' +
        'Not Found, expected 200 with the image: the URL Next writes into the page for this id reaches no image. [not-found]',
    )
  })

  test('.not passes on a broken route', async () => {
    const mod = await route('bugs/size/icon.tsx')
    await check(mod, {}, true)
  })
})

describe('toHaveValidImageMetadata on failing user functions', () => {
  const image = () => new Response(new Uint8Array(), { headers: { 'content-type': 'image/png' } })

  test('generateImageMetadata that throws is one finding for the route', async () => {
    const mod = {
      generateImageMetadata: () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
      },
      default: image,
    }
    expect(await failureOf(check(mod, { file: 'app/shop/[slug]/icon.tsx', params: { slug: 'hats' } }))).toBe(
      'expected image route app/shop/[slug]/icon.tsx with params {"slug":"hats"} to have valid image metadata, but found 1 problem:\n' +
        '  - route /shop/hats/icon: generateImageMetadata threw: connect ECONNREFUSED 127.0.0.1:5432 [generate-image-metadata-failed]',
    )
  })

  test('generateImageMetadata runs once for the check and every image it requests', async () => {
    const generate = vi.fn(() => [{ id: 'a' }, { id: 'b' }, { id: 'c' }])
    const mod = { generateImageMetadata: generate, default: image }
    const message = await failureOf(check(mod, { file: 'app/shop/[slug]/icon.tsx', params: { slug: 'hats' } }))
    // Every image was requested (each answered with no bytes), yet user code ran once.
    expect(message.match(/\[not-an-image\]/g)).toHaveLength(3)
    expect(generate).toHaveBeenCalledTimes(1)
    expect(generate).toHaveBeenCalledWith({ params: { slug: 'hats' } })
  })

  test('a default export that never settles is cut off by timeoutMs', async () => {
    const mod = {
      generateImageMetadata: () => [{ id: 'a' }],
      default: () => new Promise<Response>(() => {}),
    }
    expect(await failureOf(check(mod, { file: 'app/icon.tsx', timeoutMs: 50 }))).toBe(
      'expected image route app/icon.tsx to have valid image metadata, but found 1 problem:\n' +
        '  - route /icon, id "a": the default export did not settle within 50 ms; make it resolve (await every promise ' +
        'it starts) or raise the timeoutMs option. [timeout]',
    )
  })
})

describe('toHaveValidImageMetadata options', () => {
  test('render: false checks the items only', async () => {
    // The size mismatch shows only once rendered, so it passes; a broken item list is still reported.
    const mod = await route('bugs/size/icon.tsx')
    await check(mod, { render: false })
    const broken = await route('bugs/returns-response/icon.tsx')
    expect(await failureOf(check(broken, { render: false }))).toMatch(/found 1 problem:\n {2}- route \/bugs\/returns-response\/icon: generateImageMetadata returned a Response; .* \[not-an-array\]$/)
  })

  test('id checks one item and keeps the others out of the message', async () => {
    const mod = await route('bugs/unreachable-id/icon.tsx')
    await check(mod, { id: 'light' })
    const message = await failureOf(check(mod, { id: 'logo/dark' }))
    expect(message).toMatch(/^expected image route .*unreachable-id\/icon\.tsx, id "logo\/dark" to have valid image metadata, but found 2 problems:/)
    // Every finding is about the id asked for; the other item is not mentioned.
    const findings = message.split('\n').slice(1)
    expect(findings).toHaveLength(2)
    expect(findings.every((line) => line.startsWith('  - route /bugs/unreachable-id/icon, id "logo/dark": '))).toBe(true)
    expect(message).not.toContain('light')
  })
})

describe('toHaveValidImageMetadata on what generateImageMetadata returned', () => {
  test('reports every violation of an array, one line each, without a route', async () => {
    const items = [{ id: 'a', size: { width: 0, height: 48 } }, { id: 'a' }]
    expect(await failureOf(check(items))).toBe(
      'expected the items to have valid image metadata, but found 2 problems:\n' +
        '  - id "a": size.width of item [0] is number 0; expected a whole number of pixels from 1 to 8192. [invalid-size]\n' +
        '  - id "a": id of item [1] is "a", the same as item [0]: Next serves only the first match, so this image is ' +
        'unreachable. Expected unique ids. [duplicate-id]',
    )
  })

  test('names the route when the file is given, and awaits a promise of the items', async () => {
    const mod = await route('bugs/returns-response/icon.tsx')
    expect(await failureOf(check(Promise.resolve(mod.generateImageMetadata()), { file: `${APP}/bugs/returns-response/icon.tsx` }))).toBe(
      `expected the items of ${APP}/bugs/returns-response/icon.tsx to have valid image metadata, but found 1 problem:\n` +
        '  - route /bugs/returns-response/icon: generateImageMetadata returned a Response; expected an array of ' +
        '{ id, size?, alt?, contentType? } items. [not-an-array]',
    )
  })

  test('passes for valid items and .not says so', async () => {
    const items = [{ id: 'small', size: { width: 48, height: 48 }, contentType: 'image/png' }]
    await check(items)
    expect(await failureOf(check(items, {}, true))).toBe(
      'expected the items not to have valid image metadata, but it passed every check (not rendered)',
    )
  })
})
