import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { createImageRouteHandler } from '../../src/handler.js'
import { controlFlowResponse, nextControlFlow, routeAnswer } from '../../src/next-control-flow.js'
import { REPO } from '../helpers/vitest-project.js'

// The installed Next's own functions, in their server-layer build, as a route calls them.
const navigation = createRequire(`${REPO}/`)('next/dist/client/components/navigation.react-server.js') as {
  notFound(): never
  redirect(url: string, type?: string): never
  permanentRedirect(url: string): never
}
const thrown = (call: () => never): unknown => {
  try {
    call()
  } catch (error) {
    return error
  }
  throw new Error('did not throw')
}

describe("notFound() and redirect() as Next answers them", () => {
  test('reads the digest of the errors next/navigation throws, and of the older and wrapped forms', () => {
    expect(nextControlFlow(thrown(navigation.notFound))).toEqual({ kind: 'not-found' })
    expect(nextControlFlow(thrown(() => navigation.redirect('/en/blog')))).toEqual({ kind: 'redirect', location: '/en/blog', status: 307 })
    expect(nextControlFlow(thrown(() => navigation.permanentRedirect('/a;b')))).toEqual({ kind: 'redirect', location: '/a;b', status: 308 })
    expect(nextControlFlow(Object.assign(new Error('NEXT_NOT_FOUND'), { digest: 'NEXT_NOT_FOUND' }))).toEqual({ kind: 'not-found' })
    expect(nextControlFlow(new Error('wrapped', { cause: thrown(navigation.notFound) }))).toEqual({ kind: 'not-found' })
    expect(nextControlFlow(new Error('boom'))).toBeUndefined()
  })

  test('the route handler answers 404 or the redirect, and says the route asked for it', async () => {
    const mod = {
      generateImageMetadata: () => [{ id: 'a' }, { id: 'gone' }, { id: 'moved' }],
      default: async ({ id }: { id: Promise<string> }) => {
        const which = await id
        if (which === 'gone') navigation.notFound()
        if (which === 'moved') navigation.redirect('/icon/a')
        return new Response(new Uint8Array([1]), { headers: { 'content-type': 'image/png' } })
      },
    }
    const handler = createImageRouteHandler(mod, { file: 'app/icon.tsx', nextVersion: 16 })
    const gone = await handler(new Request('http://localhost/icon/gone'))
    expect([gone.status, routeAnswer(gone)]).toEqual([404, { kind: 'not-found' }])
    const moved = await handler(new Request('http://localhost/icon/moved'))
    expect([moved.status, moved.headers.get('location'), routeAnswer(moved)?.kind]).toEqual([307, '/icon/a', 'redirect'])
    // An unknown id is Next's own 404, not the route's.
    expect(routeAnswer(await handler(new Request('http://localhost/icon/zzz')))).toBeUndefined()
    expect(controlFlowResponse({ kind: 'not-found' }).status).toBe(404)
  })
})
