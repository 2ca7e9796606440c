// Small real PNGs and image-route modules for tests: no renderer involved.
import { PNG } from 'pngjs'
import type { ImageRouteModule } from '../../../src/index.js'

/** A width×height opaque PNG made by pngjs. */
export function pngBytes(width: number, height: number): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width, height })
  png.data.fill(200)
  return new Uint8Array(PNG.sync.write(png))
}

/** What a route's default export returns in tests: a PNG response like ImageResponse's. */
export function pngResponse(width: number, height: number): Response {
  return new Response(pngBytes(width, height), { headers: { 'content-type': 'image/png' } })
}

/** Props each call of a module's functions received, for asserting what Next would pass. */
export interface Calls {
  generate: unknown[]
  image: unknown[]
}

/**
 * A module whose generateImageMetadata returns `items` and whose default export renders a PNG of the
 * matched item's size (or 10×10), recording every call.
 */
export function moduleWith(items: unknown, extra: Partial<ImageRouteModule> = {}): { mod: ImageRouteModule; calls: Calls } {
  const calls: Calls = { generate: [], image: [] }
  const mod: ImageRouteModule = {
    generateImageMetadata: (props: unknown) => {
      calls.generate.push(props)
      return items
    },
    default: async (props: { id?: unknown }) => {
      calls.image.push(props)
      const id = await props.id
      const item = Array.isArray(items) ? items.find((i) => String((i as { id?: unknown })?.id) === String(id)) : undefined
      const size = (item as { size?: { width: number; height: number } } | undefined)?.size ?? { width: 10, height: 10 }
      return pngResponse(size.width, size.height)
    },
    ...extra,
  }
  return { mod, calls }
}
