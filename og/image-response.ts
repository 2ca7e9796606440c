import type { ReactElement } from 'react'
import { LAID_OUT, type LaidOutImage } from './laid-out.js'
import { renderKey } from './render-key.js'
import { checkRenderOptions, pixelsFromSvg, pngFromSvg, renderSvg, type RenderOptions, type RenderResult, type SvgResult } from './render.js'

/** next/og's ImageResponse options: the image options plus the Response's status, statusText and headers. */
export interface ImageResponseOptions extends RenderOptions {
  status?: number
  statusText?: string
  headers?: HeadersInit
}

const warned = new Set<string>()

/** The Node warning code of a render warning. */
export function warningCode(warning: string): string {
  if (warning.startsWith('emoji')) return 'IMGMETA_EMOJI_NOT_DRAWN'
  if (warning.startsWith('text')) return 'IMGMETA_MISSING_GLYPHS'
  if (/ uses the CSS (?:property|custom property|value) /.test(warning)) return 'IMGMETA_CSS_IGNORED'
  return 'IMGMETA_LAYOUT_CAVEAT'
}

function warnOnce(warnings: string[]): void {
  for (const warning of warnings) {
    // satori printed these itself, as in next/og.
    if (warning.startsWith('tw: ')) continue
    const code = warningCode(warning)
    // Emoji and glyph warnings once per kind; ignored CSS and layout caveats once per distinct message.
    const kind = code === 'IMGMETA_CSS_IGNORED' || code === 'IMGMETA_LAYOUT_CAVEAT' ? warning : code
    if (warned.has(kind)) continue
    warned.add(kind)
    process.emitWarning(`imgmeta/og: ${warning}. Shown once per process; see docs/renderer.md.`, { code })
  }
}

/** The layout with its key and its PNG made on first request and kept. */
function laidOut(layout: SvgResult): LaidOutImage {
  let png: Buffer | undefined
  let key: string | undefined
  return {
    width: layout.width,
    height: layout.height,
    warnings: layout.warnings,
    // Only a snapshot comparison asks for the key: an image that is just served never hashes its SVG.
    get key() {
      return (key ??= renderKey(layout.svg, layout.width, layout.height))
    },
    png: () => (png ??= pngFromSvg(layout)),
    pixels: () => pixelsFromSvg(layout),
  }
}

/**
 * A drop-in for next/og's ImageResponse: a `Response` whose body is the PNG, `content-type: image/png`, with
 * next 16's cache-control. Options are checked at once (bad ones throw here); layout errors reject the body.
 * The element is laid out at once; the image is rasterized when the body (or `rendered`) is first read.
 */
export class ImageResponse extends Response {
  static displayName = 'ImageResponse'

  readonly #layout: Promise<SvgResult>
  readonly #laidOut: Promise<LaidOutImage>
  #rendered: Promise<RenderResult> | undefined

  constructor(element: ReactElement, options: ImageResponseOptions = {}) {
    checkRenderOptions(options)
    const layout = renderSvg(element, options)
    const image = layout.then(laidOut)
    // The body may never be read; a rejection still reaches whoever reads it or awaits `rendered`.
    layout.then((result) => warnOnce(result.warnings), () => undefined)
    image.catch(() => undefined)
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const png = (await image).png()
            controller.enqueue(new Uint8Array(png.buffer, png.byteOffset, png.byteLength))
            controller.close()
          } catch (error) {
            controller.error(error)
          }
        },
      },
      // Nothing is pulled, so nothing is rasterized, until the body is read.
      { highWaterMark: 0 },
    )
    const headers = new Headers({
      'content-type': 'image/png',
      'cache-control': process.env.NODE_ENV === 'development' ? 'no-cache, no-store' : 'public, max-age=0, must-revalidate',
    })
    if (options.headers) new Headers(options.headers).forEach((value, key) => headers.set(key, value))
    super(body, { headers, status: options.status, statusText: options.statusText })
    this.#layout = layout
    this.#laidOut = image
  }

  /** The render behind the body, for callers that want the PNG, size and SVG without reading the stream. */
  get rendered(): Promise<RenderResult> {
    this.#rendered ??= Promise.all([this.#layout, this.#laidOut]).then(([layout, image]) => ({ ...layout, png: image.png() }))
    return this.#rendered
  }

  /** The layout behind the body, rasterized only on request (see laid-out.ts). */
  [LAID_OUT](): Promise<LaidOutImage> {
    return this.#laidOut
  }
}
