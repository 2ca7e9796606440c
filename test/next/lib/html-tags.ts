// Reads the image tags of a served page: icon <link>s and og/twitter image <meta>s, in document order, with
// attribute values decoded the way a browser decodes them.

/** One image tag as served: `key` is the rel (link) or the property/name (meta), `value` the href or content. */
export interface ServedTag {
  tag: 'link' | 'meta'
  key: string
  value: string
  attrs: Record<string, string>
}

/** The largest page parsed; a fixture page is a few kB, this only stops a runaway response. */
export const MAX_HTML_CHARS = 5_000_000

const ICON_RELS = new Set(['icon', 'apple-touch-icon', 'shortcut icon'])
const IMAGE_META = /^(og:image|twitter:image)(:.*)?$/

/** Every icon link and every og:image or twitter:image meta in `html`, in order; twitter:card is kept too. */
export function imageTagsFromHtml(html: string): ServedTag[] {
  if (html.length > MAX_HTML_CHARS) throw new Error(`page is ${html.length} characters, more than ${MAX_HTML_CHARS}`)
  const out: ServedTag[] = []
  for (const match of html.matchAll(/<(link|meta)\b([^>]*)>/gi)) {
    const tag = (match[1] as string).toLowerCase() as 'link' | 'meta'
    const attrs = parseAttributes(match[2] as string)
    if (tag === 'link') {
      const rel = attrs.rel ?? ''
      if (ICON_RELS.has(rel)) out.push({ tag, key: rel, value: attrs.href ?? '', attrs })
    } else {
      const key = attrs.property ?? attrs.name ?? ''
      if (IMAGE_META.test(key) || key === 'twitter:card') out.push({ tag, key, value: attrs.content ?? '', attrs })
    }
  }
  return out
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of source.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = (m[1] as string).toLowerCase()
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
  }
  return attrs
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the character references React emits in attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return NAMED[body.toLowerCase()] ?? whole
  })
}
