import path from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { checkImageRoute } from '../../matchers/image-route-check.js'
import type { ImageRouteModule } from '../../src/image-route-module.js'

// The fixture routes import next/og as a real app does; render them with the reference renderer instead.
vi.mock('next/og', () => import('../../og/index.js'))

const APP = 'test/fixtures/image-routes-app/app'

async function load(file: string): Promise<{ mod: ImageRouteModule; file: string }> {
  const absolute = path.resolve(APP, file)
  return { mod: (await import(/* @vite-ignore */ absolute)) as ImageRouteModule, file: absolute }
}

describe('checkImageRoute with deferRaster', () => {
  test('keeps each ImageResponse unread, sized from its layout, and rasterizes `png` on first read', async () => {
    const { mod, file } = await load('icon.tsx')
    const eager = await checkImageRoute(mod, { file })
    const deferred = await checkImageRoute(mod, { file, deferRaster: true })
    expect(deferred.findings).toEqual(eager.findings)
    expect(deferred.images.length).toBeGreaterThan(0)
    for (const [i, image] of deferred.images.entries()) {
      expect(image.imageResponse?.bodyUsed).toBe(false)
      expect([image.width, image.height, image.contentType]).toEqual([eager.images[i]!.width, eager.images[i]!.height, eager.images[i]!.contentType])
      expect(Buffer.from(image.png!).equals(Buffer.from(eager.images[i]!.png!))).toBe(true)
    }
  })

  test.each(['bugs/size/icon.tsx', 'bugs/content-type/opengraph-image.tsx'])('reports the same findings as an eager check for %s', async (route) => {
    const { mod, file } = await load(route)
    const eager = await checkImageRoute(mod, { file })
    const deferred = await checkImageRoute(mod, { file, deferRaster: true })
    expect(eager.findings.length).toBeGreaterThan(0)
    expect(deferred.findings).toEqual(eager.findings)
  })
})
