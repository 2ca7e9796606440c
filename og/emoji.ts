// next/og's `emoji` option: each emoji is an SVG fetched from a CDN at render time, by style. The URLs and the
// code-point naming are next/og's own (@vercel/og src/emoji/index.ts, as bundled in next 14–16), so a recording
// made for imgmeta's renderer is the one next/og asks for. Fetched through the remote loader, i.e. the network
// layer when one is installed; without one, emoji stay blank as before.
import { ImgmetaError } from '../src/errors.js'
import { remoteLoader } from './remote-sources.js'

const ZERO_WIDTH_JOINER = String.fromCharCode(0x200d)
const VARIATION_SELECTOR_16 = /\uFE0F/g

/** The code-point name of an emoji as the CDNs file it: `1f44b`, `1f468-200d-1f4bb`. */
export function emojiCode(segment: string): string {
  const text = segment.includes(ZERO_WIDTH_JOINER) ? segment : segment.replace(VARIATION_SELECTOR_16, '')
  return [...text].map((char) => char.codePointAt(0)!.toString(16)).join('-')
}

/** The URL next/og fetches an emoji's SVG from, for each style (twemoji when none is given). */
export function emojiUrl(segment: string, style: string | undefined): string {
  const code = emojiCode(segment)
  switch (style) {
    case 'openmoji':
      return `https://cdn.jsdelivr.net/npm/@svgmoji/openmoji@2.0.0/svg/${code.toUpperCase()}.svg`
    case 'blobmoji':
      return `https://cdn.jsdelivr.net/npm/@svgmoji/blob@2.0.0/svg/${code.toUpperCase()}.svg`
    case 'noto':
      return `https://cdn.jsdelivr.net/gh/svgmoji/svgmoji/packages/svgmoji__noto/svg/${code.toUpperCase()}.svg`
    case 'fluent':
      return `https://cdn.jsdelivr.net/gh/shuding/fluentui-emoji-unicode/assets/${code.toLowerCase()}_color.svg`
    case 'fluentFlat':
      return `https://cdn.jsdelivr.net/gh/shuding/fluentui-emoji-unicode/assets/${code.toLowerCase()}_flat.svg`
    default:
      return `https://cdn.jsdelivr.net/gh/twitter/twemoji@14.0.2/assets/svg/${code.toLowerCase()}.svg`
  }
}

/**
 * The emoji's SVG as a data URI, fetched as next/og fetches it, when a remote loader is installed; undefined
 * when none is. A failed request is an error naming the emoji and the URL (next/og's render fails too).
 */
export async function loadEmojiImage(segment: string, style: string | undefined): Promise<string | undefined> {
  const loader = remoteLoader()
  if (!loader) return undefined
  const url = emojiUrl(segment, style)
  let svg: string
  try {
    const response = await loader(url)
    if (!response.ok) throw new Error(`it answered ${response.status} ${response.statusText}`)
    svg = await response.text()
  } catch (cause) {
    const reason = (cause as Error & { cause?: Error }).cause?.message ?? (cause as Error).message
    throw new ImgmetaError('render-failed', `imgmeta/og: emoji "${segment}" (${style ?? 'twemoji'}) could not be loaded from ${url}: ${reason}`, { cause })
  }
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
