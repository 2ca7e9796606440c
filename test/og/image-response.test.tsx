import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImgmetaError } from '../../src/errors.js'
import { ImageResponse, render, renderSvg } from '../../og/index.js'
import { laidOutOf } from '../../og/laid-out.js'
import { renderKey } from '../../og/render-key.js'

const card = <div style={{ display: 'flex', width: '100%', height: '100%', background: '#222', color: 'white', fontSize: 24 }}>hi</div>

afterEach(() => vi.unstubAllEnvs())

describe('ImageResponse', () => {
  it('is a Response with next 16’s headers and the rendered PNG as body', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = new ImageResponse(card, { width: 120, height: 63 })
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const body = Buffer.from(await response.arrayBuffer())
    const { png } = await render(card, { width: 120, height: 63 })
    expect(body.equals(png)).toBe(true)
    expect((await response.rendered).png.equals(png)).toBe(true)
  })

  it('uses no-cache in development and applies status, statusText and headers', () => {
    vi.stubEnv('NODE_ENV', 'development')
    const response = new ImageResponse(card, {
      status: 201,
      statusText: 'Made',
      headers: { 'cache-control': 'max-age=5', 'x-extra': '1' },
    })
    expect(response.status).toBe(201)
    expect(response.statusText).toBe('Made')
    expect(response.headers.get('cache-control')).toBe('max-age=5')
    expect(response.headers.get('x-extra')).toBe('1')
    expect(new ImageResponse(card).headers.get('cache-control')).toBe('no-cache, no-store')
  })

  it('throws bad options at construction', () => {
    expect(() => new ImageResponse(card, { width: 9000 })).toThrow(
      new ImgmetaError('image-too-large', 'imgmeta/og: width 9000 is larger than the limit of 8192 pixels.'),
    )
  })

  it('rejects the body with the ImgmetaError when layout fails', async () => {
    const response = new ImageResponse(<div><b>a</b><b>b</b></div>)
    await expect(response.arrayBuffer()).rejects.toMatchObject({ name: 'ImgmetaError', code: 'render-failed' })
  })
})

describe('ImageResponse: layout now, raster on read', () => {
  it('hands out its size and render key before the body is read, and rasterizes only when asked', async () => {
    const response = new ImageResponse(card, { width: 120, height: 63 })
    const image = await laidOutOf(response)!
    expect([image.width, image.height]).toEqual([120, 63])
    const { svg } = await renderSvg(card, { width: 120, height: 63 })
    expect(image.key).toBe(renderKey(svg, 120, 63))
    expect(response.bodyUsed).toBe(false)
    const body = Buffer.from(await response.arrayBuffer())
    expect(image.png().equals(body)).toBe(true)
    expect(laidOutOf(new Response(body))).toBeUndefined()
    expect(laidOutOf({ png: body })).toBeUndefined()
  })

  it('gives different keys to different renders of the same size, and to the same SVG at another size', async () => {
    const a = await laidOutOf(new ImageResponse(card, { width: 120, height: 63 }))!
    const b = await laidOutOf(new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#223' }}>hi</div>, { width: 120, height: 63 }))!
    expect(a.key).not.toBe(b.key)
    const { svg } = await renderSvg(card, { width: 120, height: 63 })
    expect(renderKey(svg, 120, 64)).not.toBe(a.key)
  })
})
