import { DEFAULT_NEXT_MAJOR, type NextMajor } from './next-version.js'
import type { ResolvedImage } from './resolve.js'
import type { Convention } from './route.js'

/** One `<link>` or `<meta>` element, attributes in the order Next renders them. */
export interface HeadTag {
  tag: 'link' | 'meta'
  attributes: Record<string, string>
}

/** Options of headTags. */
export interface HeadTagsOptions {
  /** The tag order differs: 16 puts og:image first, 14 and 15 put og:image:alt first. */
  nextVersion?: NextMajor
}

type SocialField = 'url' | 'alt' | 'type' | 'width' | 'height'

/** Field order of og/twitter image tags per version (CONTRACT §7, observed on real builds). */
const SOCIAL_ORDER: Readonly<Record<'og' | 'twitter', Readonly<Record<NextMajor, readonly SocialField[]>>>> = {
  og: {
    14: ['alt', 'type', 'url', 'width', 'height'],
    15: ['alt', 'type', 'url', 'width', 'height'],
    16: ['url', 'type', 'width', 'height', 'alt'],
  },
  twitter: {
    // 14/15 render an image object's keys in insertion order ({ alt, type, url, width, height }), as for og.
    14: ['alt', 'type', 'url', 'width', 'height'],
    15: ['alt', 'type', 'url', 'width', 'height'],
    16: ['url', 'alt', 'type', 'width', 'height'],
  },
}

/**
 * The head tags Next renders for one convention's images: `<link rel="icon|apple-touch-icon">` for icons,
 * `og:image*` / `twitter:image*` metas in the version's order. Empty values produce no tag.
 */
export function headTags(images: readonly ResolvedImage[], convention: Convention, options: HeadTagsOptions = {}): HeadTag[] {
  const version = options.nextVersion ?? DEFAULT_NEXT_MAJOR
  if (convention === 'icon' || convention === 'apple-icon') {
    return images.map((image) => iconTag(image, convention === 'icon' ? 'icon' : 'apple-touch-icon'))
  }
  const kind = convention === 'opengraph-image' ? 'og' : 'twitter'
  return images.flatMap((image) => socialTags(image, kind, version))
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

function socialTags(image: ResolvedImage, kind: 'og' | 'twitter', version: NextMajor): HeadTag[] {
  const key = kind === 'og' ? 'property' : 'name'
  const prefix = kind === 'og' ? 'og:image' : 'twitter:image'
  const values: Record<SocialField, string | undefined> = {
    url: image.url,
    alt: image.alt,
    type: image.type,
    width: image.width ? String(image.width) : undefined,
    height: image.height ? String(image.height) : undefined,
  }
  const out: HeadTag[] = []
  for (const field of SOCIAL_ORDER[kind][version]) {
    const value = values[field]
    if (!value) continue
    out.push({ tag: 'meta', attributes: { [key]: field === 'url' ? prefix : `${prefix}:${field}`, content: value } })
  }
  return out
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
