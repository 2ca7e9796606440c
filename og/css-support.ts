import { ImgmetaError } from '../src/errors.js'

// The style properties satori 0.29 reads (its README's CSS table, plus the longhands its shorthands expand to).
// satori silently ignores every other property, so a page that uses one looks different in a browser than in
// the rendered image; imgmeta/og names it instead.
const SIDES = ['Top', 'Right', 'Bottom', 'Left']
const CORNERS = ['TopLeft', 'TopRight', 'BottomLeft', 'BottomRight']

/** Every camelCase style property satori 0.29 implements. */
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

/** True when satori 0.29 implements the property (CSS custom properties `--name` included). */
export function isSupportedCssProperty(name: string): boolean {
  return name.startsWith('--') || SUPPORTED_CSS_PROPERTIES.has(name)
}

// A vendor-prefixed property written beside its standard form (`WebkitBackgroundClip` next to `backgroundClip`,
// as CSS written for browsers does) changes nothing: satori reads the standard one.
function coveredByStandard(name: string, style: Record<string, unknown>): boolean {
  const match = /^(?:Webkit|Moz|ms|O)([A-Z].*)$/.exec(name)
  if (!match) return false
  const standard = match[1]!.charAt(0).toLowerCase() + match[1]!.slice(1)
  return isSupportedCssProperty(standard) && style[standard] !== undefined && style[standard] !== null
}

/** The style properties satori would silently ignore, in order; vendor-prefixed twins of a standard one excepted. */
export function ignoredStyleProperties(style: unknown): string[] {
  if (style === undefined || style === null || typeof style !== 'object') return []
  const record = style as Record<string, unknown>
  return Object.entries(record)
    .filter(([name, value]) => value !== undefined && value !== null && !isSupportedCssProperty(name) && !coveredByStandard(name, record))
    .map(([name]) => name)
}

/** The warning for a property satori ignores (what next/og does with it: nothing). */
export function ignoredCssWarning(where: string, name: string): string {
  return `${where} uses the CSS property "${name}", which satori (next/og's layout engine) ignores; the image is drawn without it`

}

/** Throws `unsupported-css` naming the first style property satori would silently ignore (strictCss). */
export function checkStyle(style: unknown, where: string): void {
  if (style === undefined || style === null) return
  if (typeof style !== 'object') {
    throw new ImgmetaError('unsupported-css', `imgmeta/og: ${where} has a "style" that is not an object (${typeof style}).`)
  }
  const [name] = ignoredStyleProperties(style)
  if (name !== undefined) {
    throw new ImgmetaError(
      'unsupported-css',
      `imgmeta/og: ${where} uses the CSS property "${name}", which satori (the layout engine of next/og) ` +
        `does not support and would silently ignore; remove it, or turn strictCss off to render as next/og does.`,
    )
  }
}
