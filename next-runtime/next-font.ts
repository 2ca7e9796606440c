// `next/font/google` and `next/font/local` as Next's build leaves them at run time: a call returns
// `{ className, style: { fontFamily, fontWeight?, fontStyle? }, variable? }`, and nothing is fetched. Fonts built
// on them (`geist/font/sans`) get the same through their own import.
//
// The family is what Next's font loaders put in the @font-face rule (`next/dist/compiled/@next/font/dist/*/loader.js`):
// a Google font's family name; for a local font the name of the const the call is assigned to (Next's SWC
// transform passes it as `variableName`; `nameFontCalls` below does the same), or on webpack builds the
// `font-family` of `declarations`. 15 and 16 print the family as it is (`'myFont', 'myFont Fallback'`); 14's
// postcss-next-font scopes it (`'__myFont_663cbd', '__myFont_Fallback_663cbd'`). Class names are hashes of the
// font's CSS in Next, in the bundler's format: webpack `__className_663cbd`, Turbopack `BBy8YG_className`.
// All of this was read from real builds of 14.2.35, 15.5.29 and 16.4.6 (docs/next-versions.md).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Bundler } from '../src/metadata-items.js'
import type { NextMajor } from '../src/next-version.js'

/** Where the installed Next lists every Google font family it knows. */
const GOOGLE_FONT_DATA = 'next/dist/compiled/@next/font/dist/google/font-data.json'

/** The build whose font objects are reproduced. */
export interface FontBuild {
  nextVersion: NextMajor
  bundler: Bundler
}

/** The runtime both modules share: a font object from the loader, the family and the options of the call. */
function fontRuntime(build: FontBuild): string {
  return `
const NEXT_MAJOR = ${build.nextVersion}
const TURBOPACK = ${build.bundler === 'turbopack'}
function hashOf(text, seed) {
  let h = seed
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 33) ^ text.charCodeAt(i)) >>> 0
  return h
}
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
function token(text) {
  if (!TURBOPACK) return hashOf(text, 5381).toString(16).padStart(8, '0').slice(0, 6)
  const h = hashOf(text, 5381) * 64 + (hashOf(text, 52711) & 63)
  let out = ''
  for (let i = 0; i < 6; i++) out += BASE64URL[Math.floor(h / 64 ** i) % 64]
  return out
}
function single(value) {
  return typeof value === 'string' ? value : Array.isArray(value) && value.length === 1 ? value[0] : undefined
}
function isRange(value) {
  return String(value).trim().includes(' ')
}
export function nextFont(loader, family, options, weight, fontStyle) {
  const hash = token(loader + ':' + family + ':' + JSON.stringify(options ?? {}))
  const name = (text) => (NEXT_MAJOR === 14 ? \`'__\${text.replace(/ /g, '_')}_\${hash}'\` : \`'\${text}'\`)
  const fallback = options?.adjustFontFallback === false ? [] : [name(\`\${family} Fallback\`)]
  const style = { fontFamily: [name(family), ...fallback, ...(options?.fallback ?? [])].join(', ') }
  if (weight !== undefined && !isRange(weight) && !Number.isNaN(Number(weight))) style.fontWeight = Number(weight)
  if (fontStyle !== undefined && !isRange(fontStyle)) style.fontStyle = fontStyle
  const className = TURBOPACK ? \`\${hash}_className\` : \`__className_\${hash}\`
  const variable = options?.variable === undefined ? {} : { variable: TURBOPACK ? \`\${hash}_variable\` : \`__variable_\${hash}\` }
  return TURBOPACK ? { className, style, ...variable } : { style, className, ...variable }
}
`
}

/**
 * The `next/font/local` module. The family is the const the call is assigned to (`this.variableName`, given by
 * nameFontCalls); a call it could not name falls back to the first font file's name.
 */
export function localFontModule(build: FontBuild): string {
  return `${fontRuntime(build)}
export default function localFont(options = {}) {
  const sources = Array.isArray(options.src) ? options.src : [{ path: options.src, weight: options.weight, style: options.style }]
  const file = String(sources[0]?.path ?? 'local').split('/').pop().replace(/\\.[^.]+$/, '')
  const declared = TURBOPACK ? undefined : options.declarations?.find((d) => d.prop === 'font-family')?.value?.replace(/['"]/g, '')
  const family = declared ?? this?.variableName ?? file
  // webpack takes weight and style from a single source; Turbopack from the call's own options.
  const one = sources.length === 1 ? sources[0] : undefined
  const weight = TURBOPACK ? single(options.weight) : one?.weight
  const style = TURBOPACK ? single(options.style) : one?.style
  return nextFont('local', family, options, weight, style)
}
`
}

/**
 * The `next/font/google` module: one export per family the installed Next knows (`Inter`, `Roboto_Mono`), as
 * Next's own types and loader name them, so that a misspelt family fails as it fails in Next.
 */
export function googleFontModule(root: string, build: FontBuild): string {
  let families: string[] = []
  try {
    const data = JSON.parse(readFileSync(createRequire(`${root}/`).resolve(GOOGLE_FONT_DATA), 'utf8')) as Record<string, unknown>
    families = Object.keys(data)
  } catch {
    // No Next installed beside the project: the common families still work.
    families = ['Inter', 'Roboto', 'Open Sans', 'Geist', 'Geist Mono', 'Noto Sans', 'Lato', 'Montserrat', 'Poppins']
  }
  // Next's Google loader: one weight (not 'variable') and one style (default 'normal') end up in style.
  const exports = families.map(
    (family) =>
      `export const ${family.replace(/\s+/g, '_')} = function (options = {}) { return nextFont('google', ${JSON.stringify(family)}, options, single(options.weight) === 'variable' ? undefined : single(options.weight), options.style === undefined ? 'normal' : single(options.style)) }`,
  )
  return `${fontRuntime(build)}\n${exports.join('\n')}\n`
}

/**
 * Import of next/font/local's default or next/font/google's named loaders, as written or as vite's import
 * analysis leaves it (`/@id/__x00__imgmeta:next-font-local`, the environment's virtual module).
 */
const FONT_IMPORT = /import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*["'](?:(?:next|@next)\/font\/(?:local|google)(?:\/index\.js)?|[^"']*imgmeta:next-font-(?:local|google))["']/g

/**
 * Next's SWC transform names each font call after the const it is assigned to (`const myFont = localFont(…)`);
 * this gives the call the same name as `this.variableName` (`localFont.call({ variableName: "myFont" }, …)`).
 * Returns undefined when the module calls no font loader. Lines are kept, so stack traces stay right.
 */
export function nameFontCalls(code: string): string | undefined {
  if (!code.includes('next/font/') && !code.includes('imgmeta:next-font-')) return undefined
  const loaders: string[] = []
  for (const match of code.matchAll(FONT_IMPORT)) {
    if (match[1]) loaders.push(match[1])
    for (const specifier of (match[2] ?? '').split(',')) {
      const local = specifier.trim().split(/\s+as\s+/).pop()?.trim()
      if (local) loaders.push(local)
    }
  }
  if (loaders.length === 0) return undefined
  // `const name = loader(` or, in TypeScript, `const name: NextFont = loader(`.
  const call = new RegExp(`\\b(const|let|var)(\\s+)([A-Za-z_$][\\w$]*)(\\s*(?::[^=;]+)?=\\s*)(${loaders.map((l) => l.replace(/\$/g, '\\$')).join('|')})\\s*\\(`, 'g')
  const named = code.replace(call, (_all, kind: string, space: string, name: string, equals: string, loader: string) => `${kind}${space}${name}${equals}${loader}.call({ variableName: ${JSON.stringify(name)} }, `)
  return named === code ? undefined : named
}
