import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Font, FontStyle, FontWeight } from 'satori'
import { ImgmetaError } from '../src/errors.js'
import { NOTO_SANS_V27_BASE64 } from './fonts/noto-sans-v27.js'
import { FONT_CACHE_ENTRIES, MAX_FONT_BYTES } from './limits.js'
import { resolveRelease, type OgRelease } from './releases.js'

/** A font as next/og's `fonts` option takes it (satori's font options). */
export type FontOptions = Font

/** The family name next/og 16.4 gives its bundled default font; `fontFamily: 'geist'` selects it there too. */
export const DEFAULT_FONT_NAME = 'geist'

/**
 * Where the default font comes from: Geist Regular (1.7.2, SIL OFL, licence beside it), the face next/og 16
 * bundles, shipped in imgmeta's own `fonts/` folder. Not the `geist` package: it has a peer dependency on
 * `next` and would pull next into projects that have none.
 */
export const DEFAULT_FONT_SOURCE = 'imgmeta/fonts/Geist-Regular.ttf'

const WEIGHTS: readonly FontWeight[] = [100, 200, 300, 400, 500, 600, 700, 800, 900]
const STYLES: readonly FontStyle[] = ['normal', 'italic']

const defaultFonts = new Map<string, Font[]>()

/** The absolute path of the default font file, resolved through imgmeta's own package exports. */
export function defaultFontPath(): string {
  // The package's self-reference finds the file from the sources (`og/`) and from the build (`dist/og/`) alike.
  return createRequire(import.meta.url).resolve(DEFAULT_FONT_SOURCE)
}

function defaultFontBytes(release: OgRelease): { data: Buffer; from: string } {
  if (release.fontDir) return { data: readFileSync(path.join(release.fontDir, release.font.file)), from: path.join(release.fontDir, release.font.file) }
  if (release.font.file === 'noto-sans-v27-latin-regular.ttf') return { data: Buffer.from(NOTO_SANS_V27_BASE64, 'base64'), from: 'og/fonts/noto-sans-v27.ts' }
  const file = defaultFontPath()
  return { data: readFileSync(file), from: file }
}

/**
 * next/og's default font list for a release (Geist Regular 400 for 16.4, Noto Sans declared as "sans serif"
 * 700 before), read once per process and font.
 */
export function getDefaultFonts(release: OgRelease = resolveRelease()): Font[] {
  const key = `${release.fontDir ?? ''}\u0000${release.font.file}\u0000${release.font.name}\u0000${release.font.weight}`
  let fonts = defaultFonts.get(key)
  if (!fonts) {
    try {
      const { data } = defaultFontBytes(release)
      fonts = [{ name: release.font.name, data, weight: release.font.weight as FontWeight, style: release.font.style }]
      defaultFonts.set(key, fonts)
    } catch (cause) {
      throw new ImgmetaError(
        'font-failed',
        `imgmeta/og could not read its default font ${release.font.file} (${(cause as Error).message}); ` +
          `reinstall imgmeta or pass your own "fonts".`,
        { cause },
      )
    }
  }
  return fonts
}

/** The font format a file's first four bytes announce, or undefined when they announce none. */
export function fontFormat(data: Uint8Array): 'truetype' | 'opentype' | 'woff' | 'woff2' | undefined {
  if (data.length < 4) return undefined
  const tag = String.fromCharCode(data[0]!, data[1]!, data[2]!, data[3]!)
  if (tag === '\x00\x01\x00\x00' || tag === 'true') return 'truetype'
  if (tag === 'OTTO') return 'opentype'
  if (tag === 'wOFF') return 'woff'
  if (tag === 'wOF2') return 'woff2'
  return undefined
}

function fontBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return undefined
}

/**
 * Checks a `fonts` option the way satori will read it and names the first bad entry: a missing name, data that
 * is not bytes or is not a ttf/otf/woff file (woff2 is not supported by satori), a weight or style out of range.
 */
export function validateFonts(fonts: unknown): Font[] {
  if (!Array.isArray(fonts)) {
    throw new ImgmetaError('font-failed', `imgmeta/og: "fonts" must be an array of { name, data, weight?, style? }.`)
  }
  fonts.forEach((font: Partial<Font> | undefined, index) => {
    const label = `fonts[${index}]${font && typeof font.name === 'string' ? ` ("${font.name}")` : ''}`
    if (!font || typeof font !== 'object') throw new ImgmetaError('font-failed', `imgmeta/og: ${label} is not an object.`)
    if (typeof font.name !== 'string' || font.name === '') {
      throw new ImgmetaError('font-failed', `imgmeta/og: ${label} has no "name"; give each font the family name you use in fontFamily.`)
    }
    const bytes = fontBytes(font.data)
    if (!bytes) {
      throw new ImgmetaError('font-failed', `imgmeta/og: ${label} "data" must be an ArrayBuffer or a Buffer with the font file's bytes.`)
    }
    if (bytes.length > MAX_FONT_BYTES) {
      throw new ImgmetaError('font-failed', `imgmeta/og: ${label} is ${bytes.length} bytes, more than the limit of ${MAX_FONT_BYTES}.`)
    }
    const format = fontFormat(bytes)
    if (format === 'woff2') {
      throw new ImgmetaError('font-failed', `imgmeta/og: ${label} is a woff2 file, which satori cannot read; use its ttf, otf or woff file.`)
    }
    if (!format) {
      throw new ImgmetaError('font-failed', `imgmeta/og: ${label} is not a font file (expected ttf, otf or woff bytes; a network response or a text file is a common cause).`)
    }
    if (font.weight !== undefined && !WEIGHTS.includes(font.weight)) {
      throw new ImgmetaError('font-failed', `imgmeta/og: ${label} has weight ${String(font.weight)}; use one of ${WEIGHTS.join(', ')}.`)
    }
    if (font.style !== undefined && !STYLES.includes(font.style)) {
      throw new ImgmetaError('font-failed', `imgmeta/og: ${label} has style ${JSON.stringify(font.style)}; use "normal" or "italic".`)
    }
  })
  return fonts as Font[]
}

// satori caches parsed fonts by the identity of the array it is given. Users often build a fresh array per
// render from the same buffers, so equal lists are mapped to one array and parsed once.
const dataIds = new WeakMap<object, number>()
let nextDataId = 1
const fontLists = new Map<string, Font[]>()

function dataId(data: object): number {
  let id = dataIds.get(data)
  if (id === undefined) {
    id = nextDataId++
    dataIds.set(data, id)
  }
  return id
}

/** A stable array for a font list, so satori parses the same fonts once per process, not once per render. */
export function canonicalFonts(fonts: Font[]): Font[] {
  const key = fonts
    .map((f) => [dataId(f.data as object), f.name, f.weight ?? '', f.style ?? '', f.lang ?? ''].join('\u0000'))
    .join('\u0001')
  const found = fontLists.get(key)
  if (found) return found
  if (fontLists.size >= FONT_CACHE_ENTRIES) {
    const oldest = fontLists.keys().next().value
    if (oldest !== undefined) fontLists.delete(oldest)
  }
  fontLists.set(key, fonts)
  return fonts
}
