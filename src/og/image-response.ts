import type { ReactElement } from 'react'
import { render, checkRenderOptions, type RenderOptions, type RenderResult } from './render.js'

/** next/og's ImageResponse options: the image options plus the Response's status, statusText and headers. */
export interface ImageResponseOptions extends RenderOptions {
  status?: number
  statusText?: string
  headers?: HeadersInit
}

const warned = new Set<string>()

function warnOnce(warnings: string[]): void {
  for (const warning of warnings) {
    const kind = warning.startsWith('emoji') ? 'emoji' : 'glyphs'
    if (warned.has(kind)) continue
    warned.add(kind)
    process.emitWarning(`imgmeta/og: ${warning}. Shown once per process; see docs/renderer.md.`, {
      code: kind === 'emoji' ? 'IMGMETA_EMOJI_NOT_DRAWN' : 'IMGMETA_MISSING_GLYPHS',
    })
  }
}

/**
 * A drop-in for next/og's ImageResponse: a `Response` whose body is the PNG, `content-type: image/png`, with
 * next 16's cache-control. Options are checked at once (bad ones throw here); layout errors reject the body.
 */
export class ImageResponse extends Response {
  static displayName = 'ImageResponse'

  /** The render behind the body, for callers that want the PNG, size and SVG without reading the stream. */
  readonly rendered: Promise<RenderResult>

  constructor(element: ReactElement, options: ImageResponseOptions = {}) {
    checkRenderOptions(options)
    const rendered = render(element, options)
    // The body may never be read; the rejection is still delivered to whoever reads it or awaits `rendered`.
    rendered.catch(() => undefined)
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          const result = await rendered
          warnOnce(result.warnings)
          controller.enqueue(new Uint8Array(result.png.buffer, result.png.byteOffset, result.png.byteLength))
          controller.close()
        } catch (error) {
          controller.error(error)
        }
      },
    })
    const headers = new Headers({
      'content-type': 'image/png',
      'cache-control': process.env.NODE_ENV === 'development' ? 'no-cache, no-store' : 'public, max-age=0, must-revalidate',
    })
    if (options.headers) new Headers(options.headers).forEach((value, key) => headers.set(key, value))
    super(body, { headers, status: options.status, statusText: options.statusText })
    this.rendered = rendered
  }
}
