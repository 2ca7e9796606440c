// next/font/*, next/headers and next/cache as the environment serves them, evaluated as real modules.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { googleFontModule, localFontModule } from '../../next-runtime/next-font.js'
import { nextCacheModule, nextHeadersModule } from '../../next-runtime/next-request-modules.js'
import { REPO } from '../helpers/vitest-project.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-next-modules-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function evaluate<T>(code: string, name: string): Promise<T> {
  const file = path.join(scratch, `${name}.mjs`)
  writeFileSync(file, code)
  return (await import(file)) as T
}

type FontLoader = (options?: Record<string, unknown>) => { className: string; style: Record<string, unknown>; variable?: string }

describe('next/font', () => {
  test('next/font/google exports every family the installed Next knows, each giving className, style and variable', async () => {
    const google = await evaluate<Record<string, FontLoader>>(googleFontModule(REPO), 'google')
    expect(typeof google.Roboto_Mono).toBe('function')
    const inter = google.Inter!({ subsets: ['latin'], variable: '--font-inter' })
    expect(inter.className).toMatch(/^__className_[0-9a-f]{6}$/)
    expect(inter.variable).toMatch(/^__variable_[0-9a-f]{6}$/)
    expect(inter.style).toEqual({ fontFamily: "'Inter', 'Inter Fallback'" })
    expect(google.Inter!({ subsets: ['latin'] }).variable).toBeUndefined()
  })

  test('next/font/local gives the same shape, with a single weight and style in style', async () => {
    const local = await evaluate<{ default: FontLoader }>(localFontModule(), 'local')
    const brand = local.default({ src: './fonts/Brand-Bold.woff2', weight: '700', style: 'italic', variable: '--font-brand' })
    expect(brand.style).toEqual({ fontFamily: "'Brand-Bold', 'Brand-Bold Fallback'", fontWeight: 700, fontStyle: 'italic' })
    expect(brand.variable).toMatch(/^__variable_/)
    // geist's shape: an array of sources and a weight range.
    const geist = local.default({ src: [{ path: './fonts/geist-sans/Geist-Variable.woff2' }], weight: '100 900' })
    expect(geist.style).toEqual({ fontFamily: "'Geist-Variable', 'Geist-Variable Fallback'" })
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
