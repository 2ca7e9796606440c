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

/** Throws `unsupported-css` naming the first style property satori would silently ignore. */
export function checkStyle(style: unknown, where: string): void {
  if (style === undefined || style === null) return
  if (typeof style !== 'object') {
    throw new ImgmetaError('unsupported-css', `imgmeta/og: ${where} has a "style" that is not an object (${typeof style}).`)
  }
  for (const [name, value] of Object.entries(style)) {
    if (value === undefined || value === null) continue
    if (!isSupportedCssProperty(name)) {
      throw new ImgmetaError(
        'unsupported-css',
        `imgmeta/og: ${where} uses the CSS property "${name}", which satori (the layout engine of next/og) ` +
          `does not support and would silently ignore; remove it, or pass { strictCss: false } to render as next/og does.`,
      )
    }
  }
}
