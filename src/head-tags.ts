import { checkArgument, checkOptions } from './check-options.js'
import { DEFAULT_NEXT_MAJOR, type NextMajor } from './next-version.js'
import { NEXT_VERSION, oneOf } from './option-rules.js'
import type { ResolvedImage } from './resolve.js'
import { CONVENTIONS, type Convention } from './route.js'

/** One `<link>` or `<meta>` element, attributes in the order Next renders them. */
export interface HeadTag {
  tag: 'link' | 'meta'
  attributes: Record<string, string>
}

/** Options of headTags. */
export interface HeadTagsOptions {
  /** The og/twitter tag order differs: 16 prints a fixed order, 14 and 15 the image object's own key order. */
  nextVersion?: NextMajor
}

const CONVENTION = oneOf(CONVENTIONS)

/**
 * An og or twitter image as Next holds it just before printing it: `url` plus whatever keys the image's source
 * gave it, in that source's order. 14 and 15 print every key in the object's own order (`ExtendMeta` in
 * `generate/meta.js`); 16 prints a fixed set of keys in a fixed order (`metadata-elements.js`).
 */
export type SocialImage = Readonly<Record<string, unknown>>

/** Keys 16 prints and their order; it ignores every other key and every falsy value. */
const FIXED_ORDER: Readonly<Record<'og' | 'twitter', readonly string[]>> = {
  og: ['url', 'secureUrl', 'type', 'width', 'height', 'alt'],
  twitter: ['url', 'alt', 'secureUrl', 'type', 'width', 'height'],
}

/**
 * The head tags Next renders for one convention's images: `<link rel="icon|apple-touch-icon">` for icons,
 * `og:image*` / `twitter:image*` metas in the version's order. Empty values produce no tag.
 */
export function headTags(images: readonly ResolvedImage[], convention: Convention, options: HeadTagsOptions = {}): HeadTag[] {
  checkArgument('headTags', 'images', images, { accepts: 'an array of images from resolveImageMetadata', test: Array.isArray })
  checkArgument('headTags', 'convention', convention, CONVENTION)
  checkOptions('headTags', options, { nextVersion: NEXT_VERSION })
  if (convention === 'icon' || convention === 'apple-icon') {
    return images.map((image) => iconTag(image, convention === 'icon' ? 'icon' : 'apple-touch-icon'))
  }
  return socialImageTags(images.map((image) => nextImageObject(image, 'code')), convention, options)
}

/**
 * The object Next's image loader builds for a file image, keys in its order: `{ alt, type, url, width, height }`
 * for a code route, `{ type, width, height, alt, url }` for a static file (its `.alt.txt` gives `alt`).
 */
export function nextImageObject(image: ResolvedImage, source: 'code' | 'static'): SocialImage {
  if (source === 'static') return { type: image.type, width: image.width, height: image.height, alt: image.alt, url: image.url }
  return { alt: image.alt, type: image.type, url: image.url, width: image.width, height: image.height }
}

/** `og:image*` or `twitter:image*` metas for image objects as Next holds them (file images or `metadata` ones). */
export function socialImageTags(images: readonly SocialImage[], convention: 'opengraph-image' | 'twitter-image', options: HeadTagsOptions = {}): HeadTag[] {
  const version = options.nextVersion ?? DEFAULT_NEXT_MAJOR
  const kind = convention === 'opengraph-image' ? 'og' : 'twitter'
  return images.flatMap((image) => (version === 16 ? fixedOrderTags(image, kind) : keyOrderTags(image, kind)))
}

/** `twitter:card` as Next adds it when a page has twitter images (its own, or those inherited from og). */
export function twitterCardTag(): HeadTag {
  return { tag: 'meta', attributes: { name: 'twitter:card', content: 'summary_large_image' } }
}

function iconTag(image: ResolvedImage, rel: string): HeadTag {
  // Next spreads the image object ({ alt, type, url, sizes }) minus url into the <link> after rel and href.
  const attributes: Record<string, string> = { rel, href: image.url }
  if (image.alt) attributes.alt = image.alt
  if (image.type) attributes.type = image.type
  if (image.sizes) attributes.sizes = image.sizes
  return { tag: 'link', attributes }
}

/** 16: the known keys in a fixed order, truthy values only (`if (image.width)`: a width of 0 prints nothing). */
function fixedOrderTags(image: SocialImage, kind: 'og' | 'twitter'): HeadTag[] {
  const out: HeadTag[] = []
  for (const key of FIXED_ORDER[kind]) {
    const value = image[key]
    if (value) out.push(socialTag(kind, key, String(value)))
  }
  return out
}

/**
 * 14 and 15: every key in the object's order; `undefined`, `null` and `''` print nothing, anything else prints
 * its `toString()` (a width of 0 prints `0`). `url` is `og:image` itself, other keys go to snake case
 * (`secureUrl` is `og:image:secure_url`).
 */
function keyOrderTags(image: SocialImage, kind: 'og' | 'twitter'): HeadTag[] {
  const out: HeadTag[] = []
  for (const [key, value] of Object.entries(image)) {
    if (value === undefined || value === null) continue
    const content = String(value)
    if (content !== '') out.push(socialTag(kind, key, content))
  }
  return out
}

function socialTag(kind: 'og' | 'twitter', key: string, content: string): HeadTag {
  const prefix = kind === 'og' ? 'og:image' : 'twitter:image'
  const name = key === 'url' ? prefix : `${prefix}:${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`
  return { tag: 'meta', attributes: { [kind === 'og' ? 'property' : 'name']: name, content } }
}

/**
 * Renders tags as HTML the way React prints them in Next's `<head>` (`<meta property="og:image" content="…"/>`),
 * one a line. Accepts tags, or images plus convention (and options) to build them first.
 */
export function renderHeadTags(
  tagsOrImages: readonly HeadTag[] | readonly ResolvedImage[],
  convention?: Convention,
  options: HeadTagsOptions = {},
): string {
  checkOptions('renderHeadTags', options, { nextVersion: NEXT_VERSION })
  const tags =
    convention === undefined
      ? (tagsOrImages as readonly HeadTag[])
      : headTags(tagsOrImages as readonly ResolvedImage[], convention, options)
  return tags.map(renderTag).join('\n')
}

function renderTag(tag: HeadTag): string {
  const attributes = Object.entries(tag.attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')
  return `<${tag.tag}${attributes}/>`
}

/** React's attribute escaping: & < > " and '. */
function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!)
}
