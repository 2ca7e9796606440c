import { ImgmetaError } from '../src/errors.js'
import { MEASURED_RELEASES, type OgRelease } from './releases.js'
import { SATORI_VERSIONS, type SatoriVersion } from './satori-engines.js'

// The style properties each kept satori reads (its README's CSS table, plus the longhands its shorthands expand
// to). satori silently ignores every other property, so a page that uses one looks different in a browser than
// in the rendered image; imgmeta/og names it instead, for the satori of the release it lays out as.
const SIDES = ['Top', 'Right', 'Bottom', 'Left']
const CORNERS = ['TopLeft', 'TopRight', 'BottomLeft', 'BottomRight']
const NEWEST: SatoriVersion = SATORI_VERSIONS[SATORI_VERSIONS.length - 1]!

/** Every camelCase style property satori 0.29 (the newest kept version) implements. */
export const SUPPORTED_CSS_PROPERTIES: ReadonlySet<string> = new Set([
  'display', 'position', 'color', 'top', 'right', 'bottom', 'left',
  'width', 'height', 'minWidth', 'minHeight', 'maxWidth', 'maxHeight', 'aspectRatio', 'boxSizing',
  'margin', ...SIDES.map((s) => `margin${s}`),
  'padding', ...SIDES.map((s) => `padding${s}`),
  'border', 'borderWidth', 'borderStyle', 'borderColor',
  ...SIDES.flatMap((s) => [`border${s}`, `border${s}Width`, `border${s}Style`, `border${s}Color`]),
  'borderRadius', ...CORNERS.map((c) => `border${c}Radius`),
  'flex', 'flexFlow', 'flexDirection', 'flexWrap', 'flexGrow', 'flexShrink', 'flexBasis',
  'alignItems', 'alignContent', 'alignSelf', 'justifyContent', 'gap', 'rowGap', 'columnGap',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle',
  'tabSize', 'textAlign', 'textIndent', 'textTransform', 'textOverflow', 'textShadow', 'lineHeight',
  'letterSpacing', 'whiteSpace', 'wordBreak', 'textWrap', 'lineClamp', 'WebkitLineClamp', 'WebkitBoxOrient',
  'textDecoration', 'textDecorationLine', 'textDecorationColor', 'textDecorationStyle', 'textDecorationSkipInk',
  'WebkitTextStroke', 'WebkitTextStrokeWidth', 'WebkitTextStrokeColor',
  'background', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundSize', 'backgroundClip',
  'backgroundRepeat',
  'transform', 'transformOrigin', 'objectFit', 'objectPosition', 'opacity', 'boxShadow', 'overflow', 'filter',
  'clipPath', 'maskImage', 'maskPosition', 'maskSize', 'maskRepeat',
  'WebkitMaskImage', 'WebkitMaskPosition', 'WebkitMaskSize', 'WebkitMaskRepeat',
])

// The first kept satori that reads each property newer than 0.10.9, from the sources of each pinned version
// (handler/expand.ts, handler/compute.ts, builder/*, text/index.ts) and measured by laying a card out with and
// without the property under each version (test/og/css-support.test.tsx). Older versions ignore it silently.
// `--*` custom properties (and `var()`) arrived in 0.29 too; no kept version drops a property an older one reads.
const PROPERTY_SINCE: Readonly<Record<string, SatoriVersion>> = {
  WebkitTextStroke: '0.15.2',
  WebkitTextStrokeWidth: '0.15.2',
  WebkitTextStrokeColor: '0.15.2',
  boxSizing: '0.29.0',
  textIndent: '0.29.0',
  textDecorationSkipInk: '0.29.0',
  objectPosition: '0.29.0',
}
const CUSTOM_PROPERTIES_SINCE: SatoriVersion = '0.29.0'

// Keywords an older satori accepts without error but draws as if they were absent (measured as above): 0.10
// draws `double` underlines solid (also in the `textDecoration` shorthand); before 0.29 `cover`/`contain`
// backgrounds keep the image's own size and `scale-down` images are stretched (fill). Values an older satori throws on (`display: contents`,
// `position: static`, repeating gradients) stay failures: satori's own error reaches the user.
const VALUE_SINCE: Readonly<Record<string, Readonly<Record<string, SatoriVersion>>>> = {
  textDecorationStyle: { double: '0.15.2' },
  textDecoration: { double: '0.15.2' },
  backgroundSize: { cover: '0.29.0', contain: '0.29.0' },
  objectFit: { 'scale-down': '0.29.0' },
}

function atLeast(version: SatoriVersion, since: SatoriVersion): boolean {
  return SATORI_VERSIONS.indexOf(version) >= SATORI_VERSIONS.indexOf(since)
}

/** True when that satori version (default: the newest kept) implements the property (`--name` from 0.29 on). */
export function isSupportedCssProperty(name: string, satori: SatoriVersion = NEWEST): boolean {
  if (name.startsWith('--')) return atLeast(satori, CUSTOM_PROPERTIES_SINCE)
  if (!SUPPORTED_CSS_PROPERTIES.has(name)) return false
  const since = PROPERTY_SINCE[name]
  return since === undefined || atLeast(satori, since)
}

// A vendor-prefixed property written beside its standard form (`WebkitBackgroundClip` next to `backgroundClip`,
// as CSS written for browsers does) changes nothing: satori reads the standard one.
function coveredByStandard(name: string, style: Record<string, unknown>, satori: SatoriVersion): boolean {
  const match = /^(?:Webkit|Moz|ms|O)([A-Z].*)$/.exec(name)
  if (!match) return false
  const standard = match[1]!.charAt(0).toLowerCase() + match[1]!.slice(1)
  return isSupportedCssProperty(standard, satori) && style[standard] !== undefined && style[standard] !== null
}

/** What that satori ignores in one style: a whole property, or one keyword value of a property it reads. */
export interface IgnoredCss {
  property: string
  /** The whole value, set when satori reads the property but not one keyword of it. */
  value?: string
  /** That keyword. */
  keyword?: string
  /** The first kept satori that draws it, when one does. */
  since?: SatoriVersion
  /** What satori does instead of ignoring it, when it does something else (the warning's last words). */
  effect?: string
}

// satori reads a string line-height as a length; one it cannot read (a keyword: `inherit`, `initial`, `NORMAL`)
// becomes NaN, and none of the element's text (nor its children's, which inherit it) is drawn. `normal`, exactly
// so written, is the default line height from 0.15.2 on; satori 0.10.9 (Next 14.2) has no such case. Measured by
// finding NaN in the SVG of each kept version (test/og/css-support.test.tsx).
const NORMAL_LINE_HEIGHT_SINCE: SatoriVersion = '0.15.2'
const UNREADABLE_LINE_HEIGHT = 'none of the text in it is drawn (its line height becomes NaN)'

function unreadableLineHeight(value: unknown, satori: SatoriVersion): IgnoredCss | undefined {
  if (typeof value !== 'string' || !/^\s*[a-z-]+\s*$/i.test(value)) return undefined
  if (value === 'normal') {
    if (atLeast(satori, NORMAL_LINE_HEIGHT_SINCE)) return undefined
    return { property: 'lineHeight', value, keyword: value, since: NORMAL_LINE_HEIGHT_SINCE, effect: UNREADABLE_LINE_HEIGHT }
  }
  return { property: 'lineHeight', value, keyword: value.trim(), effect: UNREADABLE_LINE_HEIGHT }
}

function ignoredKeyword(name: string, value: unknown, satori: SatoriVersion): { keyword: string; since: SatoriVersion } | undefined {
  const keywords = VALUE_SINCE[name]
  if (typeof value !== 'string' || keywords === undefined) return undefined
  for (const keyword of value.trim().toLowerCase().split(/\s+/)) {
    const since = Object.hasOwn(keywords, keyword) ? keywords[keyword] : undefined
    if (since !== undefined && !atLeast(satori, since)) return { keyword, since }
  }
  return undefined
}

/** What satori of that version (default: the newest kept) would silently ignore in the style, in order. */
export function ignoredCss(style: unknown, satori: SatoriVersion = NEWEST): IgnoredCss[] {
  if (style === undefined || style === null || typeof style !== 'object') return []
  const record = style as Record<string, unknown>
  const ignored: IgnoredCss[] = []
  for (const [property, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue
    if (!isSupportedCssProperty(property, satori)) {
      if (coveredByStandard(property, record, satori)) continue
      const since = property.startsWith('--') ? CUSTOM_PROPERTIES_SINCE : isSupportedCssProperty(property) ? PROPERTY_SINCE[property] : undefined
      ignored.push(since ? { property, since } : { property })
      continue
    }
    const keyword = ignoredKeyword(property, value, satori)
    if (keyword) ignored.push({ property, value: String(value), ...keyword })
    const lineHeight = property === 'lineHeight' ? unreadableLineHeight(value, satori) : undefined
    if (lineHeight) ignored.push(lineHeight)
  }
  return ignored
}

/** "next 15.5.29's next/og (satori 0.15.2)", or the satori alone when no `next` is installed. */
export function layoutEngineLabel(release: Pick<OgRelease, 'next' | 'satori'>): string {
  return release.next === undefined ? `satori ${release.satori} (next/og's layout engine)` : `next ${release.next}'s next/og (satori ${release.satori})`
}

/** The measured releases whose satori draws what `since` introduced, as "Next 15.5.29 and later". */
function drawnFrom(since: SatoriVersion): string {
  const first = Object.entries(MEASURED_RELEASES).find(([, entry]) => atLeast(entry.satori, since))
  return first ? `satori ${since} on, Next ${first[0]} and later` : `satori ${since} on`
}

function what(entry: IgnoredCss): string {
  if (entry.value !== undefined) return `the CSS value "${entry.keyword}" in "${entry.property}: ${entry.value}"`
  if (entry.property.startsWith('--')) return `the CSS custom property "${entry.property}" (every var() reading it is left unresolved)`
  return `the CSS property "${entry.property}"`
}

function newerNote(entry: IgnoredCss): string {
  return entry.since ? ` (${entry.effect ? 'read' : 'drawn'} from ${drawnFrom(entry.since)})` : ''
}

/** The warning for CSS that release's next/og ignores (what it does with it: nothing) or cannot read. */
export function ignoredCssWarning(where: string, entry: IgnoredCss, release: Pick<OgRelease, 'next' | 'satori'>): string {
  const newer = newerNote(entry)
  if (entry.effect) return `${where} uses ${what(entry)}, which ${layoutEngineLabel(release)} cannot read${newer}; ${entry.effect}`
  const drawn = entry.value === undefined ? 'the image is drawn without it' : 'the image is drawn without that value'
  return `${where} uses ${what(entry)}, which ${layoutEngineLabel(release)} ignores${newer}; ${drawn}`
}

/** Throws `unsupported-css` naming the first CSS that release's satori would silently ignore (strictCss). */
export function checkStyle(style: unknown, where: string, release: Pick<OgRelease, 'next' | 'satori'>): void {
  if (style === undefined || style === null) return
  if (typeof style !== 'object') {
    throw new ImgmetaError('unsupported-css', `imgmeta/og: ${where} has a "style" that is not an object (${typeof style}).`)
  }
  const [entry] = ignoredCss(style, release.satori)
  if (entry !== undefined) {
    const newer = newerNote(entry)
    const fate = entry.effect ? `cannot read${newer} (${entry.effect})` : `does not support and would silently ignore${newer}`
    throw new ImgmetaError(
      'unsupported-css',
      `imgmeta/og: ${where} uses ${what(entry)}, which ${layoutEngineLabel(release)} ${fate}; remove it, or turn ` +
        `strictCss off to render as next/og does.`,
    )
  }
}
