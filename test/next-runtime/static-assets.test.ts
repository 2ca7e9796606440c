import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
    const image = (await evaluate(staticImageModule(logo), 'logo')) as Record<string, unknown>
    expect(image).toMatchObject({ width: 96, height: 96, blurWidth: 8, blurHeight: 8 })
    expect(image.src).toMatch(/^\/_next\/static\/media\/logo\.[0-9a-f]{8}\.png$/)
    expect(image.blurDataURL).toBe(`/_next/image?url=${encodeURIComponent(image.src as string)}&w=8&q=70`)
    const svg = path.join(scratch, 'mark.svg')
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"></svg>')
    expect(await evaluate(staticImageModule(svg), 'mark')).toMatchObject({ width: 40, height: 20 })
  })

  test('a global sheet gives nothing, a CSS module its class names', async () => {
    expect(await evaluate(styleModule(path.join(REPO, 'test/real-world/src/app/globals.css')), 'globals')).toEqual({})
    const styles = (await evaluate(styleModule(path.join(REPO, 'test/real-world/src/app/layout.module.css')), 'layout')) as Record<string, string>
    expect(styles.body).toMatch(/^layout_body__[0-9a-f]{8}$/)
    expect(styles.then).toBeUndefined()
  })
})
