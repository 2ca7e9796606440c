import { describe, expect, test } from 'vitest'
import { createImageRouteHandler, ImgmetaError, NEXT_MISSING_ID_MESSAGE, renderImageRoute, type NextMajor } from '../../src/index.js'
import { moduleWith, pngBytes } from './helpers/images.js'

const VERSIONS: NextMajor[] = [14, 15, 16]
const get = (handler: (r: Request) => Promise<Response>, pathname: string) => handler(new Request(`http://localhost${pathname}`))
const ICONS = [
  { id: 'small', size: { width: 48, height: 48 }, contentType: 'image/png' },
  { id: 'medium', size: { width: 72, height: 72 }, contentType: 'image/png' },
]

describe.each(VERSIONS)('createImageRouteHandler on Next %i', (nextVersion) => {
  test('serves /dynamic/big/icon-ahg52g/small and /medium with their own image', async () => {
    const { mod } = moduleWith(ICONS)
    const handler = createImageRouteHandler(mod, { file: 'app/(group)/dynamic/[size]/icon.tsx', nextVersion })
    for (const [id, side] of [['small', 48], ['medium', 72]] as const) {
      const res = await get(handler, `/dynamic/big/icon-ahg52g/${id}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(pngBytes(side, side))
    }
  })

  test('404 Not Found text/plain for an unknown id', async () => {
    const handler = createImageRouteHandler(moduleWith(ICONS).mod, { file: 'app/icon.tsx', nextVersion })
    const res = await get(handler, '/icon/large')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    expect(await res.text()).toBe('Not Found')
    expect(res.headers.get('cache-control')).toBe(nextVersion === 16 ? 's-maxage=31536000' : null)
  })

  test('numeric ids: /opengraph-image2/100 is served; 0100, 100.0 are not', async () => {
    const { mod, calls } = moduleWith([{ id: 100 }, { id: 101 }])
    const handler = createImageRouteHandler(mod, { file: 'app/metadata-base/unset/opengraph-image2.tsx', nextVersion })
    expect((await get(handler, '/metadata-base/unset/opengraph-image2/100')).status).toBe(200)
    expect((await get(handler, '/metadata-base/unset/opengraph-image2/0100')).status).toBe(404)
    expect((await get(handler, '/metadata-base/unset/opengraph-image2/100.0')).status).toBe(404)
    const props = calls.image[0] as { id: unknown; params: unknown }
    if (nextVersion === 16) {
      // 16 passes Promises; the id resolves to the URL segment, a string.
      expect(props.id).toBeInstanceOf(Promise)
      expect(props.params).toBeInstanceOf(Promise)
      expect(await props.id).toBe('100')
    } else {
      expect(props.id).toBe(100)
    }
  })

  test('ids in requests are decoded: with%20space is served, with+space is not; Unicode is not normalised', async () => {
    const handler = createImageRouteHandler(moduleWith([{ id: 'with space' }, { id: 'ünïcode' }]).mod, { file: 'app/ids/icon.tsx', nextVersion })
    expect((await get(handler, '/ids/icon/with%20space')).status).toBe(200)
    expect((await get(handler, '/ids/icon/with+space')).status).toBe(404)
    expect((await get(handler, `/ids/icon/${encodeURIComponent('ünïcode')}`)).status).toBe(200)
    expect((await get(handler, `/ids/icon/${encodeURIComponent('ünïcode'.normalize('NFD'))}`)).status).toBe(404)
  })

  test('the first match wins for duplicate ids', async () => {
    // 7 and '7' both match the segment "7"; 14 and 15 pass the matched item's id as it was written, so the
    // id's type tells which item won. 16 passes the segment itself, so only the call count is observable.
    for (const [items, first] of [[[{ id: 7 }, { id: '7' }], 7], [[{ id: '7' }, { id: 7 }], '7']] as const) {
      const { mod, calls } = moduleWith(items)
      const handler = createImageRouteHandler(mod, { file: 'app/icon.tsx', nextVersion })
      expect((await get(handler, '/icon/7')).status).toBe(200)
      expect(calls.image).toHaveLength(1)
      const props = calls.image[0] as { id: unknown }
      expect(nextVersion === 16 ? await props.id : props.id).toBe(nextVersion === 16 ? '7' : first)
    }
  })

  test('params: plain for generateImageMetadata, per version for the default export', async () => {
    const { mod, calls } = moduleWith(ICONS)
    const handler = createImageRouteHandler(mod, { file: 'app/(group)/dynamic/[size]/icon.tsx', nextVersion })
    await get(handler, '/dynamic/big/icon-ahg52g/small')
    expect(calls.generate).toEqual([{ params: { size: 'big' } }])
    const props = calls.image[0] as { params: unknown }
    expect(nextVersion === 16 ? await props.params : props.params).toEqual({ size: 'big' })
  })

  test('a path without id segment, or of another route, is 404', async () => {
    const handler = createImageRouteHandler(moduleWith(ICONS).mod, { file: 'app/icon.tsx', nextVersion })
    expect((await get(handler, '/icon')).status).toBe(404)
    expect((await get(handler, '/apple-icon/small')).status).toBe(404)
  })

  test('an extra segment after the id: 200 on 14 (optional catch-all), 404 on 15 and 16', async () => {
    const handler = createImageRouteHandler(moduleWith(ICONS).mod, { file: 'app/icon.tsx', nextVersion })
    expect((await get(handler, '/icon/small/extra')).status).toBe(nextVersion === 14 ? 200 : 404)
  })

  test("an item without id throws Next's error when the handler reaches it", async () => {
    const handler = createImageRouteHandler(moduleWith([{ size: { width: 1, height: 1 } }, { id: 'b' }]).mod, { file: 'app/icon.tsx', nextVersion })
    const error = await get(handler, '/icon/b').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImgmetaError)
    expect((error as Error).message).toBe(
      `app/icon.tsx (route /icon): ${NEXT_MISSING_ID_MESSAGE} (item [0] has undefined). Give every item a unique id.`,
    )
    expect(((error as Error).cause as Error).message).toBe('id property is required for every item returned from generateImageMetadata')
  })
})

describe('routes without generateImageMetadata', () => {
  test('served at the bare route, default export gets params only', async () => {
    const calls: unknown[] = []
    const mod = {
      default: (props: unknown) => {
        calls.push(props)
        return new Response(pngBytes(2, 2), { headers: { 'content-type': 'image/png' } })
      },
    }
    const handler = createImageRouteHandler(mod, { file: 'app/shop/[slug]/opengraph-image.tsx', nextVersion: 15 })
    expect((await get(handler, '/shop/a%20b/opengraph-image')).status).toBe(200)
    expect((await get(handler, '/shop/a/opengraph-image/x')).status).toBe(404)
    expect(calls).toEqual([{ params: { slug: 'a b' } }])
  })

  test('a route without generateImageMetadata below a catch-all is refused too (real builds fail or answer 500)', () => {
    const mod = { default: async () => new Response(pngBytes(1, 1)) }
    for (const file of ['app/docs/[...path]/icon.tsx', 'app/docs/[[...path]]/icon.tsx']) {
      expect(() => createImageRouteHandler(mod, { file, nextVersion: 16 })).toThrow(/next build fails/)
    }
  })
})

describe('bad input', () => {
  test('no default export: refused when the handler is created, with Next\'s message', () => {
    expect(() => createImageRouteHandler({ generateImageMetadata: () => [] }, { file: 'app/icon.tsx' })).toThrow(
      'Default export is missing in "app/icon.tsx"',
    )
  })

  test('generateImageMetadata under a catch-all is refused', () => {
    expect(() => createImageRouteHandler(moduleWith([]).mod, { file: 'app/docs/[[...path]]/icon.tsx' })).toThrow(/next build fails/)
  })

  test('an image function that never resolves is bounded by timeoutMs', async () => {
    const handler = createImageRouteHandler({ generateImageMetadata: () => [{ id: 'a' }], default: () => new Promise(() => {}) }, { file: 'app/icon.tsx', timeoutMs: 30 })
    await expect(get(handler, '/icon/a')).rejects.toMatchObject({
      code: 'timeout',
      message: 'app/icon.tsx (route /icon, id "a"): the default export did not settle within 30 ms; make it resolve (await every promise it starts) or raise the timeoutMs option.',
    })
  })

  test('an image function returning something else than a Response', async () => {
    const handler = createImageRouteHandler({ generateImageMetadata: () => [{ id: 'a' }], default: () => '<svg/>' }, { file: 'app/icon.tsx' })
    await expect(get(handler, '/icon/a')).rejects.toMatchObject({
      code: 'render-failed',
      message: 'app/icon.tsx (route /icon, id "a"): the default export returned the string "<svg/>"; expected a Response such as new ImageResponse(...).',
    })
  })

  test('a file outside app/', () => {
    expect(() => createImageRouteHandler(moduleWith([]).mod, { file: 'components/icon.tsx' })).toThrow(/is not a metadata image route/)
  })
})

describe('renderImageRoute', () => {
  test('returns the bytes, the real size and type, and a readable response', async () => {
    const { mod } = moduleWith(ICONS)
    const rendered = await renderImageRoute(mod, { file: 'app/(group)/dynamic/[size]/icon.tsx', params: { size: 'big' }, id: 'medium' })
    expect(rendered).toMatchObject({ width: 72, height: 72, contentType: 'image/png', status: 200 })
    expect(rendered.png).toEqual(pngBytes(72, 72))
    expect(new Uint8Array(await rendered.response.arrayBuffer())).toEqual(rendered.png)
  })

  test('a numeric id is requested as its string', async () => {
    const rendered = await renderImageRoute(moduleWith([{ id: 100, size: { width: 3, height: 2 } }]).mod, { file: 'app/opengraph-image2.tsx', id: 100, nextVersion: 14 })
    expect([rendered.width, rendered.height]).toEqual([3, 2])
  })

  test('an unknown id is an error naming the file and id', async () => {
    await expect(renderImageRoute(moduleWith(ICONS).mod, { file: 'app/icon.tsx', id: 'large' })).rejects.toMatchObject({
      code: 'unknown-id',
      message: 'app/icon.tsx (route /icon, id "large"): no item of generateImageMetadata has this id, so Next answers 404. Render one of the ids it returns.',
    })
  })

  test('a body that is not an image is an error', async () => {
    const mod = { default: () => new Response('<html>', { headers: { 'content-type': 'text/html' } }) }
    await expect(renderImageRoute(mod, { file: 'app/icon.tsx' })).rejects.toMatchObject({ code: 'invalid-image' })
  })
})
