// next/font/*, next/headers and next/cache as the environment serves them, evaluated as real modules.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { googleFontModule, localFontModule, nameFontCalls, type FontBuild } from '../../next-runtime/next-font.js'
import { nextCacheModule, nextHeadersModule } from '../../next-runtime/next-request-modules.js'
import { REPO } from '../helpers/vitest-project.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-next-modules-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function evaluate<T>(code: string, name: string): Promise<T> {
  const file = path.join(scratch, `${name}.mjs`)
  writeFileSync(file, code)
  return (await import(file)) as T
}

/** The fonts of the app that real builds printed (`JSON.stringify` of each font object in a page). */
const FONTS_SOURCE = `
import localFont from 'next/font/local'
import { Inter, Roboto_Mono as RobotoMono } from 'next/font/google'
export const myFont = localFont({ src: './Geist-Regular.ttf' })
const brandFont = localFont({ src: [{ path: './Geist-Regular.ttf', weight: '400' }], variable: '--font-brand', adjustFontFallback: false, fallback: ['system-ui'] })
const declared = localFont({ src: './Geist-Regular.ttf', declarations: [{ prop: 'font-family', value: 'Declared Family' }] })
const weighted = localFont({ src: './Geist-Regular.ttf', weight: '700', style: 'italic' })
export const inter = Inter({ subsets: ['latin'] })
const mono = RobotoMono({ subsets: ['latin'], variable: '--font-mono', weight: '400' })
export const all = { myFont, brandFont, declared, weighted, inter, mono }
`

type FontObject = { className: string; style: Record<string, unknown>; variable?: string }

/** The fonts above as the environment gives them for a build: calls named as Next's transform names them. */
async function fontsOf(build: FontBuild, name: string): Promise<Record<string, FontObject>> {
  const local = path.join(scratch, `${name}-local.mjs`)
  const google = path.join(scratch, `${name}-google.mjs`)
  writeFileSync(local, localFontModule(build))
  writeFileSync(google, googleFontModule(REPO, build))
  const named = nameFontCalls(FONTS_SOURCE)!.replace("'next/font/local'", JSON.stringify(local)).replace("'next/font/google'", JSON.stringify(google))
  return (await evaluate<{ all: Record<string, FontObject> }>(named, name)).all
}

const styles = (fonts: Record<string, FontObject>) => Object.fromEntries(Object.entries(fonts).map(([key, font]) => [key, font.style]))

describe('next/font', () => {
  test('a font call is named after its const, as Next’s SWC transform names it; geist’s own calls too', () => {
    expect(nameFontCalls(FONTS_SOURCE)).toContain('export const myFont = localFont.call({ variableName: "myFont" }, {')
    expect(nameFontCalls(FONTS_SOURCE)).toContain('const mono = RobotoMono.call({ variableName: "mono" }, {')
    expect(nameFontCalls(FONTS_SOURCE)!.split('\n')).toHaveLength(FONTS_SOURCE.split('\n').length)
    const geist = readFileSync(path.join(REPO, 'node_modules/geist/dist/sans.js'), 'utf8')
    expect(nameFontCalls(geist)).toContain('export const GeistSans = localFont.call({ variableName: "GeistSans" }, {')
    expect(nameFontCalls('import localFont from "next/font/local"\nexport default localFont({ src: "./a.woff2" })')).toBeUndefined()
    expect(nameFontCalls('const a = 1')).toBeUndefined()
  })

  test('15 and 16 with webpack: the families, weights and styles `next build` printed', async () => {
    for (const nextVersion of [15, 16] as const) {
      const fonts = await fontsOf({ nextVersion, bundler: 'webpack' }, `webpack-${nextVersion}`)
      // 16.4.6 --webpack and 15.5.29, the same for both.
      expect(styles(fonts)).toEqual({
        myFont: { fontFamily: "'myFont', 'myFont Fallback'" },
        brandFont: { fontFamily: "'brandFont', system-ui", fontWeight: 400 },
        declared: { fontFamily: "'Declared Family', 'Declared Family Fallback'" },
        weighted: { fontFamily: "'weighted', 'weighted Fallback'", fontWeight: 700, fontStyle: 'italic' },
        inter: { fontFamily: "'Inter', 'Inter Fallback'", fontStyle: 'normal' },
        mono: { fontFamily: "'Roboto Mono', 'Roboto Mono Fallback'", fontWeight: 400, fontStyle: 'normal' },
      })
      expect(Object.keys(fonts.mono!)).toEqual(['style', 'className', 'variable'])
      expect(fonts.mono!.className).toMatch(/^__className_[0-9a-f]{6}$/)
      expect(fonts.mono!.variable).toBe(fonts.mono!.className.replace('className', 'variable'))
      expect(fonts.inter!.variable).toBeUndefined()
      expect(new Set(Object.values(fonts).map((font) => font.className)).size).toBe(6)
    }
  })

  test('16 with Turbopack: local families always from the const, weight and style from the call, its class format', async () => {
    const fonts = await fontsOf({ nextVersion: 16, bundler: 'turbopack' }, 'turbopack-16')
    // 16.4.6's Turbopack build of the local fonts.
    expect(styles(fonts)).toMatchObject({
      myFont: { fontFamily: "'myFont', 'myFont Fallback'" },
      brandFont: { fontFamily: "'brandFont', system-ui" },
      declared: { fontFamily: "'declared', 'declared Fallback'" },
      weighted: { fontFamily: "'weighted', 'weighted Fallback'", fontWeight: 700, fontStyle: 'italic' },
    })
    expect(fonts.brandFont!.style).not.toHaveProperty('fontWeight')
    expect(Object.keys(fonts.brandFont!)).toEqual(['className', 'style', 'variable'])
    expect(fonts.brandFont!.className).toMatch(/^[\w-]{6}_className$/)
    expect(fonts.brandFont!.variable).toBe(fonts.brandFont!.className.replace('className', 'variable'))
  })

  test('14: families scoped with the class name’s hash, as 14.2.35 printed them', async () => {
    const fonts = await fontsOf({ nextVersion: 14, bundler: 'webpack' }, 'webpack-14')
    const hash = (font: FontObject | undefined) => /^__className_([0-9a-f]{6})$/.exec(font?.className ?? '')?.[1]
    expect(fonts.myFont!.style).toEqual({ fontFamily: `'__myFont_${hash(fonts.myFont)}', '__myFont_Fallback_${hash(fonts.myFont)}'` })
    expect(fonts.mono!.style).toEqual({
      fontFamily: `'__Roboto_Mono_${hash(fonts.mono)}', '__Roboto_Mono_Fallback_${hash(fonts.mono)}'`,
      fontWeight: 400,
      fontStyle: 'normal',
    })
    expect(fonts.brandFont!.style).toEqual({ fontFamily: `'__brandFont_${hash(fonts.brandFont)}', system-ui`, fontWeight: 400 })
  })

  test('next/font/google exports every family the installed Next knows', async () => {
    const google = await evaluate<Record<string, unknown>>(googleFontModule(REPO, { nextVersion: 16, bundler: 'turbopack' }), 'google')
    expect(typeof google.Roboto_Mono).toBe('function')
    expect(typeof google.Geist_Mono).toBe('function')
  })
})

describe('next/headers and next/cache', () => {
  test('headers(), cookies() and draftMode() work awaited (15, 16) and used directly (14), and are empty', async () => {
    const mod = await evaluate<Record<string, () => unknown>>(nextHeadersModule(), 'headers')
    const headers = mod.headers!() as Headers & PromiseLike<Headers>
    expect(headers.get('accept-language')).toBeNull()
    expect((await headers).has('cookie')).toBe(false)
    const cookies = (await mod.cookies!()) as { get(name: string): unknown; getAll(): unknown[] }
    expect([cookies.get('session'), cookies.getAll()]).toEqual([undefined, []])
    expect((mod.draftMode!() as { isEnabled: boolean }).isEnabled).toBe(false)
  })

  test('unstable_cache calls through; revalidation does nothing', async () => {
    const mod = await evaluate<Record<string, (...a: unknown[]) => unknown>>(nextCacheModule(), 'cache')
    const cached = mod.unstable_cache!(async (slug: unknown) => `post ${String(slug)}`, ['posts']) as (slug: string) => Promise<string>
    expect(await cached('a')).toBe('post a')
    expect(mod.revalidateTag!('posts')).toBeUndefined()
    expect(mod.revalidatePath!('/blog')).toBeUndefined()
  })
})
