// What imports of styles and images give in Next's server build: CSS is extracted (the import gives nothing), a
// CSS module gives its class names, and a static image gives `{ src, width, height, blurDataURL, blurWidth,
// blurHeight }` with `src` under `/_next/static/media/`.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { readImageDimensions } from '../src/image-size.js'

const STYLE_FILE = /\.(css|scss|sass|less|styl|stylus|pcss|postcss)$/
const STYLE_MODULE = /\.module\.[a-z]+$/
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg)$/i
/** Next blurs a static image into a placeholder 8 pixels on its longer side (BLUR_IMG_SIZE). */
const BLUR_SIZE = 8
/** Next's placeholder quality (BLUR_QUALITY). */
const BLUR_QUALITY = 70
/** Formats Next makes a blur placeholder for. */
const BLURRED = /\.(png|jpe?g|gif|webp|avif)$/i

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

/** The module a static image import becomes, with the image's pixel size read from its header. */
export function staticImageModule(file: string): string {
  const bytes = readFileSync(file)
  const extension = path.extname(file)
  const name = path.basename(file, extension)
  const src = `/_next/static/media/${name}.${contentHash(bytes)}${extension}`
  const size = readImageDimensions(bytes) ?? svgSize(bytes.toString('utf8'))
  const image: Record<string, unknown> = { src, width: size?.width, height: size?.height }
  if (BLURRED.test(file) && size) {
    const scale = BLUR_SIZE / Math.max(size.width, size.height)
    image.blurWidth = Math.max(1, Math.round(size.width * scale))
    image.blurHeight = Math.max(1, Math.round(size.height * scale))
    image.blurDataURL = `/_next/image?url=${encodeURIComponent(src)}&w=${BLUR_SIZE}&q=${BLUR_QUALITY}`
  }
  return `export default ${JSON.stringify(image)}\n`
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
