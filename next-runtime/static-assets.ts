// What imports of styles and images give in Next's server build: CSS is extracted (the import gives nothing), a
// CSS module gives its class names, and a static image gives `{ src, width, height, blurDataURL, blurWidth,
// blurHeight }` with `src` under `/_next/static/media/` and the blur placeholder as a `data:` URL.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Bundler } from '../src/metadata-items.js'
import { readImageDimensions } from '../src/image-size.js'

const STYLE_FILE = /\.(css|scss|sass|less|styl|stylus|pcss|postcss)$/
const STYLE_MODULE = /\.module\.[a-z]+$/
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg)$/i
/** Next blurs a static image into a placeholder 8 pixels on its longer side (BLUR_IMG_SIZE). */
const BLUR_SIZE = 8
/** Next's placeholder quality (BLUR_QUALITY). */
const BLUR_QUALITY = 70
/** Formats Next makes a blur placeholder for (VALID_BLUR_EXT; `.jpg` counts as `jpeg`). */
const BLURRED = new Set(['jpeg', 'png', 'webp', 'avif'])

/** True for a style sheet path (CSS, CSS modules, Sass, Less …) without a query. */
export function isStyleFile(file: string): boolean {
  return STYLE_FILE.test(file)
}

/** True for an image path that Next's build turns into a static image object. */
export function isStaticImageFile(file: string): boolean {
  return IMAGE_FILE.test(file)
}

function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8)
}

/** The module a style import becomes: nothing for a global sheet, class names for a CSS module. */
export function styleModule(file: string): string {
  if (!STYLE_MODULE.test(file)) return 'export default {}\n'
  const base = path.basename(file).replace(STYLE_MODULE, '').replace(/[^A-Za-z0-9_-]/g, '_')
  const hash = contentHash(readFileSync(file))
  // Next names a class `<file>_<class>__<hash>`; any class the sheet may define is answered the same way.
  return (
    `const prefix = ${JSON.stringify(`${base}_`)}, suffix = ${JSON.stringify(`__${hash}`)}\n` +
    `export default new Proxy({}, { get: (_, key) => typeof key === 'string' && key !== 'then' && key !== '__esModule' ? prefix + key + suffix : undefined })\n`
  )
}

/** The build a static image object is reproduced for: the project's root and the bundler of its `next build`. */
export interface StaticImageBuild {
  root: string
  bundler: Bundler
}

/**
 * The module a static image import becomes in `next build` (`next-image-loader` on webpack; Turbopack's object has
 * the same fields in another order). Its pixel size is read from the header; the blur placeholder is Next's:
 * the image resized to 8 pixels on its longer side by sharp (`optimizeImage`, quality 70) as a base64 `data:` URL,
 * for PNG, JPEG, WebP and AVIF only. With the project's sharp, the bytes are those of a webpack build; Turbopack
 * encodes the same size with its own encoder. Without sharp, the data URL holds the file itself.
 */
export async function staticImageModule(file: string, build: StaticImageBuild = { root: path.dirname(file), bundler: 'webpack' }): Promise<string> {
  const bytes = readFileSync(file)
  const extension = path.extname(file)
  const name = path.basename(file, extension)
  const src = `/_next/static/media/${name}.${mediaHash(bytes, build.root)}${extension}`
  const size = readImageDimensions(bytes) ?? svgSize(bytes.toString('utf8'))
  const format = extension.slice(1).toLowerCase().replace(/^jpg$/, 'jpeg')
  let blur: { blurDataURL?: string; blurWidth: number; blurHeight: number } = { blurWidth: 0, blurHeight: 0 }
  if (size && BLURRED.has(format) && !isAnimated(bytes, build.root)) {
    const [blurWidth, blurHeight] =
      size.width >= size.height
        ? [BLUR_SIZE, Math.max(Math.round((size.height / size.width) * BLUR_SIZE), 1)]
        : [Math.max(Math.round((size.width / size.height) * BLUR_SIZE), 1), BLUR_SIZE]
    const placeholder = (await resizeWithSharp(bytes, format, blurWidth, blurHeight, build.root)) ?? bytes
    blur = { blurDataURL: `data:image/${format};base64,${placeholder.toString('base64')}`, blurWidth, blurHeight }
  }
  const { width, height } = size ?? {}
  // The key order of each bundler's object, as real builds print it.
  const { blurDataURL, blurWidth, blurHeight } = blur
  const image =
    build.bundler === 'turbopack'
      ? { src, width, height, blurWidth, blurHeight, blurDataURL }
      : { src, height, width, blurDataURL, blurWidth, blurHeight }
  return `export default ${JSON.stringify(image)}\n`
}

/** A require function that resolves as the project's `next` package does, or undefined without one. */
function nextRequire(root: string): NodeJS.Require | undefined {
  try {
    return createRequire(createRequire(path.join(root, 'noop.js')).resolve('next/package.json'))
  } catch {
    return undefined
  }
}

/** webpack's `[hash:8]` of the file (xxhash64, through Next's own loader-utils), else a SHA-256 prefix. */
function mediaHash(bytes: Buffer, root: string): string {
  try {
    const utils = nextRequire(root)?.('next/dist/compiled/loader-utils3') as { getHashDigest(b: Buffer, type?: string, digest?: string, length?: number): string } | undefined
    if (utils) return utils.getHashDigest(bytes, 'xxhash64', 'hex', 8)
  } catch {
    // An older Next without it: any stable hash of the same shape.
  }
  return contentHash(bytes)
}

/** Next skips the placeholder of an animated image (its compiled `is-animated`); without it, none counts as animated. */
function isAnimated(bytes: Buffer, root: string): boolean {
  try {
    const check = nextRequire(root)?.('next/dist/compiled/is-animated') as ((b: Buffer) => boolean) | undefined
    return check ? check(bytes) : false
  } catch {
    return false
  }
}

/** Sharp's resize as Next's `optimizeImage` calls it, with the sharp Next itself would load; undefined without sharp. */
async function resizeWithSharp(bytes: Buffer, format: string, width: number, height: number, root: string): Promise<Buffer | undefined> {
  let sharp: SharpFactory
  try {
    sharp = nextRequire(root)?.('sharp') as SharpFactory
    if (typeof sharp !== 'function') return undefined
  } catch {
    return undefined
  }
  const transformer = sharp(bytes).timeout({ seconds: 7 }).rotate().resize(width, height)
  if (format === 'avif') transformer.avif({ quality: Math.max(Math.round(BLUR_QUALITY * (50 / 80)), 1), effort: 3 })
  else if (format === 'webp') transformer.webp({ quality: BLUR_QUALITY })
  else if (format === 'png') transformer.png({ quality: BLUR_QUALITY })
  else if (format === 'jpeg') transformer.jpeg({ quality: BLUR_QUALITY, mozjpeg: true })
  return transformer.toBuffer()
}

/** The part of sharp's API the placeholder uses. */
type SharpFactory = (input: Buffer) => SharpPipeline
interface SharpPipeline {
  timeout(options: { seconds: number }): SharpPipeline
  rotate(): SharpPipeline
  resize(width: number, height: number): SharpPipeline
  avif(options: object): SharpPipeline
  webp(options: object): SharpPipeline
  png(options: object): SharpPipeline
  jpeg(options: object): SharpPipeline
  toBuffer(): Promise<Buffer>
}

/** An SVG's size from its width/height attributes or its viewBox, as Next's image loader reads it. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0]
  if (!tag) return undefined
  const attr = (name: string) => Number.parseFloat(new RegExp(`\\b${name}="([\\d.]+)`).exec(tag)?.[1] ?? '')
  const [width, height] = [attr('width'), attr('height')]
  if (width > 0 && height > 0) return { width, height }
  const box = /\bviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(tag)
  return box ? { width: Number(box[1]), height: Number(box[2]) } : undefined
}
