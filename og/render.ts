import { Resvg } from '@resvg/resvg-js'
import type { ReactNode } from 'react'
import type { Font } from 'satori'
import { ImgmetaError } from '../src/errors.js'
import { inlineCanvasGradients } from './canvas-gradient.js'
import { checkDimension } from './dimensions.js'
import { canonicalFonts, getDefaultFonts, validateFonts } from './fonts.js'
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from './limits.js'
import { encodePng } from './png-encode.js'
import { loadEmojiImage } from './emoji.js'
import { prepareElement } from './prepare-element.js'
import { resolveRelease, type OgRelease } from './releases.js'
import { loadSatori, type Satori } from './satori-engines.js'
import { straightAlpha } from './straight-alpha.js'
import { STRICT_CSS_ENV } from './strict-css.js'

export { straightAlpha }

/** next/og's emoji styles; drawn through imgmeta's network layer when one is installed (og/emoji.ts), blank otherwise. */
export const EMOJI_STYLES = ['twemoji', 'openmoji', 'blobmoji', 'noto', 'fluent', 'fluentFlat'] as const

/** One of next/og's emoji styles. */
export type EmojiStyle = (typeof EMOJI_STYLES)[number]

/** The options next/og's ImageResponse takes for the image itself, plus imgmeta's `strictCss`. */
export interface RenderOptions {
  /** Image width in pixels, a positive integer up to MAX_DIMENSION (default 1200). */
  width?: number
  /** Image height in pixels, a positive integer up to MAX_DIMENSION (default 630). */
  height?: number
  /** Fonts as next/og takes them; when given they replace the release's default font, as in next/og. */
  fonts?: Font[]
  /** Draw satori's layout boxes (next/og's `debug`). */
  debug?: boolean
  /** next/og's emoji style; drawn through imgmeta's network layer, else laid out blank (see docs/renderer.md). */
  emoji?: EmojiStyle
  /**
   * Throw `unsupported-css` on style properties satori ignores. Default false (unless the environment sets
   * STRICT_CSS_ENV): they are ignored, as next/og does, and each one is listed in the warnings.
   */
  strictCss?: boolean
  /**
   * Lay out as this measured Next release's next/og does (e.g. '14.2.35'). Default: the installed `next`
   * (its bundled satori and default font), or the newest measured release when none is installed.
   */
  nextRelease?: string
}

/** The SVG satori laid out, and what it could not draw. */
export interface SvgResult {
  svg: string
  width: number
  height: number
  /**
   * What next/og would draw differently or ignore: emoji and glyphs none of the fonts has (not drawn), CSS
   * properties satori ignores, and why the layout may differ from the installed release's next/og.
   */
  warnings: string[]
}

/** Straight (not premultiplied) 8-bit RGBA pixels of the rendered image, row by row. */
export interface PixelsResult extends SvgResult {
  pixels: Buffer
}

/** A rendered PNG with its size and the SVG it was rasterized from. */
export interface RenderResult extends SvgResult {
  png: Buffer
}

// Emoji are laid out as an em-sized image, as next/og does with twemoji's 36×36 SVGs, so that the text around
// them lands where next/og puts it; the image is empty because the real ones need the network.
const BLANK_EMOJI = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"></svg>').toString('base64')}`

const provenFonts = new WeakSet<Font[]>()

interface Checked {
  width: number
  height: number
  fonts: Font[]
  debug: boolean
  strictCss: boolean
  emoji: EmojiStyle | undefined
  release: OgRelease
}

/** Validates render options and fills in next/og's defaults; throws ImgmetaError on the first bad one. */
export function checkRenderOptions(options: RenderOptions = {}): Checked {
  const width = checkDimension('width', options.width, DEFAULT_WIDTH)
  const height = checkDimension('height', options.height, DEFAULT_HEIGHT)
  if (options.emoji !== undefined && !EMOJI_STYLES.includes(options.emoji)) {
    throw new ImgmetaError('invalid-option', `imgmeta/og: emoji must be one of ${EMOJI_STYLES.join(', ')}, got ${JSON.stringify(options.emoji)}.`)
  }
  const release = resolveRelease(options.nextRelease)
  const fonts = options.fonts === undefined ? getDefaultFonts(release) : canonicalFonts(validateFonts(options.fonts))
  const strictCss = options.strictCss ?? process.env[STRICT_CSS_ENV] === '1'
  return { width, height, fonts, debug: options.debug === true, strictCss, emoji: options.emoji, release }
}

async function fontsParse(satori: Satori, fonts: Font[]): Promise<boolean> {
  try {
    await satori({ type: 'div', props: {}, key: null } as unknown as ReactNode, { width: 1, height: 1, fonts })
    return true
  } catch {
    return false
  }
}

async function layoutError(satori: Satori, cause: unknown, fonts: Font[]): Promise<ImgmetaError> {
  if (cause instanceof ImgmetaError) return cause
  const message = cause instanceof Error ? cause.message : String(cause)
  if (!provenFonts.has(fonts) && !(await fontsParse(satori, fonts))) {
    return new ImgmetaError('font-failed', `imgmeta/og: a font in "fonts" failed to parse (${message}); check that each "data" is a complete ttf, otf or woff file.`, { cause })
  }
  if (message.startsWith('Invalid value for CSS property')) {
    return new ImgmetaError('unsupported-css', `imgmeta/og: ${message}`, { cause })
  }
  return new ImgmetaError('render-failed', `imgmeta/og could not lay out the element: ${message}`, { cause })
}

// satori reports a Tailwind class of the `tw` prop it does not know with console.warn, once per process (it
// caches what it parsed), and ignores the class, as next/og does. imgmeta notes each class it reports, per satori
// version, so that every image using one gets the warning, not only the first; the console line still appears.
const TW_UNKNOWN = /`([^`]+)` unknown or invalid utility/
const unknownTw = new Map<string, Set<string>>()
const collectors = new Set<Set<string>>()
let consoleWarn: typeof console.warn | undefined

/** Notes the classes satori reports while a layout runs into `into` (overlapping layouts each note them). */
function noteUnknownTailwind(into: Set<string>): () => void {
  if (collectors.size === 0) {
    const original = console.warn
    consoleWarn = original
    console.warn = (...args: unknown[]) => {
      const name = TW_UNKNOWN.exec(args.map(String).join(' '))?.[1]
      if (name !== undefined) for (const collector of collectors) collector.add(name)
      original.apply(console, args)
    }
  }
  collectors.add(into)
  return () => {
    collectors.delete(into)
    if (collectors.size === 0 && consoleWarn) {
      console.warn = consoleWarn
      consoleWarn = undefined
    }
  }
}

function tailwindWarnings(satoriVersion: string, classes: Set<string>, reported: Set<string>): string[] {
  let unknown = unknownTw.get(satoriVersion)
  if (!unknown) unknownTw.set(satoriVersion, (unknown = new Set()))
  // Only a class this element uses: a report from an overlapping layout may name another element's class.
  for (const name of reported) if (classes.has(name)) unknown.add(name)
  return [...classes].filter((name) => unknown.has(name)).map((name) => `tw: class "${name}" is not one satori's Tailwind knows; next/og ignores it`)
}

async function toSvg(element: ReactNode, checked: Checked): Promise<SvgResult> {
  const warnings: string[] = checked.release.caveat ? [checked.release.caveat] : []
  const satori = await loadSatori(checked.release.satori)
  const twClasses = new Set<string>()
  const prepared = await prepareElement(element, { strictCss: checked.strictCss, release: checked.release, warnings, twClasses })
  let svg: string
  const reported = new Set<string>()
  const stopNoting = noteUnknownTailwind(reported)
  try {
    svg = await satori(prepared as ReactNode, {
      width: checked.width,
      height: checked.height,
      debug: checked.debug,
      fonts: checked.fonts,
      loadAdditionalAsset: async (code, segment) => {
        if (code === 'emoji') {
          // Drawn when a network layer provides the CDN's SVG (recorded or replayed), as next/og draws it.
          const drawn = await loadEmojiImage(segment, checked.emoji)
          if (drawn !== undefined) return drawn
          warnings.push(`emoji "${segment}" is not drawn (next/og fetches emoji from a CDN; imgmeta/og never uses the network)`)
          return BLANK_EMOJI
        }
        warnings.push(`text "${segment}" has glyphs none of the fonts has (${code}); pass a font that covers it in "fonts"`)
        return []
      },
    })
  } catch (cause) {
    throw await layoutError(satori, cause, checked.fonts)
  } finally {
    stopNoting()
  }
  warnings.push(...tailwindWarnings(checked.release.satori, twClasses, reported))
  provenFonts.add(checked.fonts)
  return { svg, width: checked.width, height: checked.height, warnings }
}

/** resvg's pixels for the SVG: premultiplied RGBA, which {@link straightAlpha} or the PNG encoder turn straight. */
function rasterize(svg: string, width: number, height: number): Buffer {
  try {
    // System fonts are never needed (satori turns text into paths) and scanning them costs ~3 ms a render.
    const resvg = new Resvg(inlineCanvasGradients(svg, width, height), { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } })
    const image = resvg.render()
    if (image.width !== width || image.height !== height) {
      throw new Error(`resvg produced ${image.width}×${image.height} pixels for a ${width}×${height} image`)
    }
    return image.pixels
  } catch (cause) {
    throw new ImgmetaError('render-failed', `imgmeta/og could not rasterize the SVG: ${(cause as Error).message}`, { cause })
  }
}

/** Lays the element out with satori, exactly as next/og does, and returns the SVG. */
export async function renderSvg(element: ReactNode, options?: RenderOptions): Promise<SvgResult> {
  return toSvg(element, checkRenderOptions(options))
}

/** Renders to straight RGBA pixels, skipping PNG encoding: for callers that only compare pixels. */
export async function renderPixels(element: ReactNode, options?: RenderOptions): Promise<PixelsResult> {
  const result = await toSvg(element, checkRenderOptions(options))
  return { ...result, pixels: pixelsFromSvg(result) }
}

/** Rasterizes a laid-out SVG (from {@link renderSvg}) to straight RGBA pixels. */
export function pixelsFromSvg(result: SvgResult): Buffer {
  return straightAlpha(rasterize(result.svg, result.width, result.height))
}

/** Rasterizes a laid-out SVG (from {@link renderSvg}) and encodes it: the second half of {@link render}. */
export function pngFromSvg(result: SvgResult): Buffer {
  // The encoder turns resvg's premultiplied rows straight while it copies them, skipping opaque runs.
  const premultiplied = rasterize(result.svg, result.width, result.height)
  return encodePng(premultiplied, result.width, result.height, { premultiplied: true })
}

/** Renders the element to PNG bytes as the installed release's next/og would, deterministically and offline. */
export async function render(element: ReactNode, options?: RenderOptions): Promise<RenderResult> {
  const result = await toSvg(element, checkRenderOptions(options))
  return { ...result, png: pngFromSvg(result) }
}
