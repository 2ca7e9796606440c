// What `next build` 16 does with a dynamic route's generateImageMetadata: one call with `params: {}` (seen on
// 16.4.6 builds; 14.2.35 and 15.5.29 never make it, see docs/next-versions.md), which fails the build when it
// throws or returns items Next cannot read an id from.
import { describe, expect, test } from 'vitest'
import { ImgmetaError } from '../../src/errors.js'
import { callAsNextBuild, NEXT_BUILD_FAILS, nextBuildCallsWithoutParams } from '../../src/next-build-ids.js'
import { parseImageRoute, type ImageRoute } from '../../src/route.js'

const nested = parseImageRoute('/p/app/[locale]/blog/[slug]/opengraph-image.tsx', { appDir: '/p/app' }) as ImageRoute
const plain = parseImageRoute('/p/app/about/opengraph-image.tsx', { appDir: '/p/app' }) as ImageRoute
const image = () => new Response()

async function buildError(generateImageMetadata: (props: { params: Record<string, string> }) => unknown): Promise<ImgmetaError> {
  const error = await callAsNextBuild({ default: image, generateImageMetadata }, nested).then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(ImgmetaError)
  expect((error as ImgmetaError).code).toBe(NEXT_BUILD_FAILS)
  return error as ImgmetaError
}

describe('next build’s call of generateImageMetadata', () => {
  test('made on 16 for a route with dynamic segments and generateImageMetadata only', () => {
    const mod = { default: image, generateImageMetadata: () => [] }
    expect(nextBuildCallsWithoutParams(mod, nested, 16)).toBe(true)
    expect(nextBuildCallsWithoutParams(mod, nested, 15)).toBe(false)
    expect(nextBuildCallsWithoutParams(mod, nested, 14)).toBe(false)
    expect(nextBuildCallsWithoutParams(mod, plain, 16)).toBe(false)
    expect(nextBuildCallsWithoutParams({ default: image }, nested, 16)).toBe(false)
  })

  test('receives params: {} and passes when the route copes', async () => {
    const seen: unknown[] = []
    await callAsNextBuild({ default: image, generateImageMetadata: (props: unknown) => (seen.push(props), []) }, nested)
    expect(seen).toEqual([{ params: {} }])
  })

  test('a throw fails the build, and the message names the file, the route, the error and the build error', async () => {
    const error = await buildError(({ params }) => [{ id: params.slug!.toUpperCase() }])
    expect(error.message).toBe(
      "/p/app/[locale]/blog/[slug]/opengraph-image.tsx (route /[locale]/blog/[slug]/opengraph-image): next build calls generateImageMetadata({ params: {} }) to list the ids, without the params of [locale], [slug], and it threw: Cannot read properties of undefined (reading 'toUpperCase'). " +
        'The build fails: "Failed to collect page data for /[locale]/blog/[slug]/opengraph-image/[__metadata_id__]".',
    )
  })

  test('a rejected promise, an item without an id and a value Next cannot iterate fail it too', async () => {
    expect((await buildError(async () => Promise.reject(new Error('no post')))).message).toContain('threw: no post.')
    expect((await buildError(() => [{ id: 'a' }, { alt: 'x' }])).message).toContain('returned item [1] without an id')
    expect((await buildError(() => undefined)).message).toContain('returned undefined, which Next cannot iterate')
  })
})
