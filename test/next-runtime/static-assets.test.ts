import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { isStaticImageFile, isStyleFile, staticImageModule, styleModule } from '../../next-runtime/static-assets.js'
import { REPO } from '../helpers/vitest-project.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-assets-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function evaluate(code: string, name: string): Promise<unknown> {
  const file = path.join(scratch, `${name}.mjs`)
  writeFileSync(file, code)
  return ((await import(file)) as { default: unknown }).default
}

describe('styles and static images as imports give them in Next', () => {
  test('which files count', () => {
    expect(['a.css', 'a.module.css', 'b.scss', 'c.less'].every(isStyleFile)).toBe(true)
    expect(['logo.png', 'photo.JPG', 'art.svg', 'x.webp'].every(isStaticImageFile)).toBe(true)
    expect(isStyleFile('a.css.ts') || isStaticImageFile('logo.png.ts')).toBe(false)
  })

  test('a static image gives { src, width, height, blurDataURL, blurWidth, blurHeight } read from the file', async () => {
    const logo = path.join(REPO, 'test/real-world/src/app/logo.png')
    const image = (await evaluate(await staticImageModule(logo, { root: REPO, bundler: 'webpack' }), 'logo')) as Record<string, unknown>
    expect(image).toMatchObject({ width: 96, height: 96, blurWidth: 8, blurHeight: 8 })
    expect(image.src).toMatch(/^\/_next\/static\/media\/logo\.[0-9a-f]{8}\.png$/)
    expect(image.blurDataURL).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    const svg = path.join(scratch, 'mark.svg')
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"></svg>')
    expect(await evaluate(await staticImageModule(svg), 'mark')).toEqual({ src: expect.stringMatching(/mark\.[0-9a-f]{8}\.svg$/), width: 40, height: 20, blurWidth: 0, blurHeight: 0 })
  })

  /** Each fixture image as the environment gives it, keyed as the golden files are. */
  async function importsOf(bundler: 'webpack' | 'turbopack'): Promise<Record<string, Record<string, unknown>>> {
    const out: Record<string, Record<string, unknown>> = {}
    for (const file of ['wide.png', 'photo.jpg', 'tall.webp', 'anim.gif', 'logo.svg']) {
      const name = file.replace(/\..*$/, '')
      out[name] = (await evaluate(await staticImageModule(path.join(REPO, 'test/fixtures/static-images', file), { root: REPO, bundler }), `${bundler}-${name}`)) as Record<string, unknown>
    }
    return out
  }

  const golden = (name: string) => JSON.parse(readFileSync(path.join(REPO, 'test/golden/static-images', name), 'utf8')) as Record<string, Record<string, unknown>>

  test('webpack (15, 16 --webpack): exactly what next build printed, src hash and placeholder bytes included', async () => {
    const images = await importsOf('webpack')
    expect(images).toEqual(golden('next-16.4.6-webpack.json'))
    // Key order too: JSON of the object is what a page prints.
    expect(JSON.stringify(images)).toBe(JSON.stringify(golden('next-16.4.6-webpack.json')))
  })

  test('Turbopack: the same fields in its order and the same placeholder sizes and formats; its own hash and encoder', async () => {
    const images = await importsOf('turbopack')
    const expected = golden('next-16.4.6-turbopack.json')
    for (const [name, image] of Object.entries(images)) {
      const real = expected[name]!
      expect(Object.keys(image), name).toEqual(Object.keys(real))
      expect({ ...image, src: undefined, blurDataURL: undefined }, name).toEqual({ ...real, src: undefined, blurDataURL: undefined })
      const mime = (url: unknown) => /^data:(image\/[a-z]+);base64,/.exec(String(url ?? ''))?.[1]
      expect(mime(image.blurDataURL), name).toBe(mime(real.blurDataURL))
    }
    // The placeholder is an image of the blur size (decoded header).
    const png = Buffer.from(String(images.wide!.blurDataURL).split(',')[1]!, 'base64')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([8, 3])
  })

  test('a global sheet gives nothing, a CSS module its class names', async () => {
    expect(await evaluate(styleModule(path.join(REPO, 'test/real-world/src/app/globals.css')), 'globals')).toEqual({})
    const styles = (await evaluate(styleModule(path.join(REPO, 'test/real-world/src/app/layout.module.css')), 'layout')) as Record<string, string>
    expect(styles.body).toMatch(/^layout_body__[0-9a-f]{8}$/)
    expect(styles.then).toBeUndefined()
  })
})
