import { describe, expect, test } from 'vitest'
import { nameFetchFailures } from '../../next-runtime/fetch-failures.js'

describe('a failed fetch names its URL', () => {
  test('the network error says which URL and why, instead of a bare "fetch failed"', async () => {
    const scope: { fetch?: typeof fetch } = { fetch: globalThis.fetch }
    nameFetchFailures(scope)
    // `.invalid` never resolves (RFC 2606), on any machine.
    await expect(scope.fetch!('https://cms.imgmeta.invalid/posts/1.json')).rejects.toMatchObject({
      code: 'fetch-failed',
      message: expect.stringMatching(/^fetch\(https:\/\/cms\.imgmeta\.invalid\/posts\/1\.json\) failed \([^)]+\); imgmeta renders images without the network\.$/),
    })
  })

  test('responses pass through, and the wrapper is installed once', async () => {
    const ok = new Response('{}')
    const scope: { fetch?: typeof fetch } = { fetch: async () => ok }
    nameFetchFailures(scope)
    const wrapped = scope.fetch
    nameFetchFailures(scope)
    expect(scope.fetch).toBe(wrapped)
    expect(await scope.fetch!('https://example.com/')).toBe(ok)
  })
})
