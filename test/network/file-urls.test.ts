// `fetch(new URL('./font.ttf', import.meta.url))`, the font loading of Next 13 and 14's docs, as real Next
// answers it: on the edge runtime the fetch gives the app's file and the image draws with it; on the nodejs
// runtime Next cannot fetch a file: URL (next build 14.2.35 and 16.4.6 fail on such a route), so the image fails
// with its own finding, whether the fetch runs in the image function or while the module loads; in check and in
// preview alike.
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'
import { timeoutOf } from '../helpers/timeouts.js'
import { faultProject, REPO, runCli, SNAPSHOT_DIR, writeProjectFile } from '../faults/fault-project.js'
import { galleryOf, startPreview } from '../faults/preview-process.js'

const FONT = readFileSync(path.join(REPO, 'fonts/Geist-Regular.ttf'))

/** A card drawing its text in the font it fetches by file: URL, in the function or at the module's top level. */
function fontRoute(options: { runtime?: 'edge' | 'experimental-edge'; topLevel?: boolean; font?: string }): string {
  const font = options.font ?? './Geist-Regular.ttf'
  const load = `fetch(new URL('${font}', import.meta.url)).then((res) => res.arrayBuffer())`
  return [
    `import { ImageResponse } from 'next/og'`,
    options.runtime ? `export const runtime = '${options.runtime}'` : '',
    `export const size = { width: 400, height: 210 }`,
    `export const contentType = 'image/png'`,
    options.topLevel ? `const geist = ${load}` : '',
    `export default async function Image() {`,
    `  const data = ${options.topLevel ? 'await geist' : `await ${load}`}`,
    `  return new ImageResponse(<div style={{ display: 'flex', fontSize: 64, fontFamily: 'Geist' }}>Card</div>, { ...size, fonts: [{ name: 'Geist', data, weight: 400, style: 'normal' }] })`,
    `}`,
    '',
  ].join('\n')
}

const ADVICE =
  "→ Next fetches a file of the app by its file: URL on the edge runtime only: read it with readFile, as Next's docs do " +
  "(readFile(join(process.cwd(), 'assets/font.ttf'))), or add export const runtime = 'edge'"

describe('file: URLs of the app, fetched by image routes', () => {
  test(
    'edge routes draw with the file; nodejs routes fail with the finding, naming route, file and URL; a file outside the project is refused',
    async () => {
      const dir = faultProject()
      const routes: Record<string, string> = {
        'edge-fn': fontRoute({ runtime: 'edge' }),
        'edge-top': fontRoute({ runtime: 'experimental-edge', topLevel: true }),
        'node-fn': fontRoute({}),
        'node-top': fontRoute({ topLevel: true }),
        'edge-outside': fontRoute({ runtime: 'edge', font: '../../../outside.ttf' }),
      }
      for (const [name, code] of Object.entries(routes)) {
        writeProjectFile(dir, `app/${name}/opengraph-image.tsx`, code)
        writeProjectFile(dir, `app/${name}/Geist-Regular.ttf`, FONT)
      }
      const outside = writeProjectFile(dir, '../outside.ttf', FONT)
      const update = await runCli(['update'], dir).finally(() => rmSync(outside, { force: true }))
      expect(update.code, update.stdout + update.stderr).toBe(1)
      for (const name of ['node-fn', 'node-top']) {
        const file = `app/${name}/opengraph-image.tsx`
        const url = `file://${path.join(dir, 'app', name, 'Geist-Regular.ttf')}`
        expect(update.stdout).toContain(
          `✗ ${file}  /${name}/opengraph-image\n  test: /${name}/opengraph-image\n` +
            `  /${name}/opengraph-image: ${file} fetches ${url} on the nodejs runtime, where Next cannot fetch a file: URL: ` +
            `next build fails on this route, or it answers 500 ("fetch failed"). It works with export const runtime = 'edge' only.\n  ${ADVICE}\n`,
        )
      }
      expect(update.stdout).toContain(`fetch(file://${outside}): the file is outside the project (${dir})`)
      // The edge cards drew "Card" in the fetched font: dark pixels on the white card, and snapshots written.
      for (const name of ['edge-fn', 'edge-top']) {
        const png = PNG.sync.read(readFileSync(path.join(dir, SNAPSHOT_DIR, name, 'opengraph-image.png')))
        let dark = 0
        for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) dark++
        expect(dark).toBeGreaterThan(500)
      }
      expect(update.stdout).toMatch(/Images +12 \(9 passed, 3 failed, 0 not covered\)/)

      // imgmeta preview judges them the same way.
      const preview = await startPreview(dir)
      try {
        const gallery = await galleryOf(preview.url)
        const errorOf = (name: string) => gallery.images.find((image) => image.file === `app/${name}/opengraph-image.tsx`)?.error
        expect(errorOf('edge-fn')).toBeUndefined()
        expect(errorOf('edge-top')).toBeUndefined()
        for (const name of ['node-fn', 'node-top']) expect(errorOf(name)).toContain('on the nodejs runtime, where Next cannot fetch a file: URL')
      } finally {
        preview.child.kill('SIGINT')
      }
    },
    timeoutOf(1),
  )
})
