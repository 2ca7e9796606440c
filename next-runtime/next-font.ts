// `next/font/google` and `next/font/local` as Next's build leaves them at run time: a call returns
// `{ className, style: { fontFamily, fontWeight?, fontStyle? }, variable? }` with names derived from the font,
// and nothing is fetched. Fonts built on them (`geist/font/sans`) get the same through their own import.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Where the installed Next lists every Google font family it knows. */
const GOOGLE_FONT_DATA = 'next/dist/compiled/@next/font/dist/google/font-data.json'

/** The runtime both modules share: a font object from a family name and the options of the call. */
const FONT_RUNTIME = `
function hashOf(text) {
  let h = 5381
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) >>> 0
  return h.toString(16).padStart(8, '0').slice(0, 6)
}
function single(value) {
  return typeof value === 'string' ? value : Array.isArray(value) && value.length === 1 ? value[0] : undefined
}
export function nextFont(family, options = {}) {
  const hash = hashOf(family + JSON.stringify(options))
  const fallback = options.adjustFontFallback === false ? [] : [\`'\${family} Fallback'\`]
  const style = { fontFamily: [\`'\${family}'\`, ...fallback, ...(options.fallback ?? [])].join(', ') }
  const weight = single(options.weight)
  if (weight !== undefined && !String(weight).includes(' ') && weight !== 'variable') style.fontWeight = Number(weight)
  const fontStyle = single(options.style)
  if (fontStyle !== undefined) style.fontStyle = fontStyle
  return {
    className: \`__className_\${hash}\`,
    style,
    ...(options.variable !== undefined && { variable: \`__variable_\${hash}\` }),
  }
}
`

/** The `next/font/local` module: the family is named after the first font file, as there is no other name. */
export function localFontModule(): string {
  return `${FONT_RUNTIME}
export default function localFont(options = {}) {
  const src = Array.isArray(options.src) ? options.src[0]?.path : options.src
  const file = String(src ?? 'local').split('/').pop().replace(/\\.[^.]+$/, '')
  return nextFont(options.declarations?.find((d) => d.prop === 'font-family')?.value ?? file, options)
}
`
}

/**
 * The `next/font/google` module: one export per family the installed Next knows (`Inter`, `Roboto_Mono`), as
 * Next's own types and loader name them, so that a misspelt family fails as it fails in Next.
 */
export function googleFontModule(root: string): string {
  let families: string[] = []
  try {
    const data = JSON.parse(readFileSync(createRequire(`${root}/`).resolve(GOOGLE_FONT_DATA), 'utf8')) as Record<string, unknown>
    families = Object.keys(data)
  } catch {
    // No Next installed beside the project: the common families still work.
    families = ['Inter', 'Roboto', 'Open Sans', 'Geist', 'Geist Mono', 'Noto Sans', 'Lato', 'Montserrat', 'Poppins']
  }
  const exports = families.map((family) => `export const ${family.replace(/\s+/g, '_')} = (options) => nextFont(${JSON.stringify(family)}, options)`)
  return `${FONT_RUNTIME}\n${exports.join('\n')}\n`
}
