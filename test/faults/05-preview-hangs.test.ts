// Item 5 (preview): a route that blocks its thread — a synchronous loop in the image function, in
// generateImageMetadata or at its module's top level — froze `imgmeta preview`, which rendered in its own process.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { timeoutOf } from '../helpers/timeouts.js'
import { faultProject, writeProjectFile } from './fault-project.js'
import { childProcesses, galleryOf, startPreview } from './preview-process.js'

/** A route whose module blocks its thread while it loads. */
const TOP_LEVEL_LOOP = `
import { ImageResponse } from 'next/og'
for (;;) {}
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default function Image() {
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#123' }} />, size)
}
`

/** A route whose generateImageMetadata blocks its thread. */
const LISTING_LOOP = `
import { ImageResponse } from 'next/og'
export function generateImageMetadata() {
  for (;;) {}
  return [{ id: 'a', size: { width: 120, height: 63 }, contentType: 'image/png' }]
}
export default function Image() {
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#123' }} />, { width: 120, height: 63 })
}
`

/** The same routes once fixed. */
const FIXED_ROUTE = `
import { ImageResponse } from 'next/og'
export function generateImageMetadata() {
  return [{ id: 'a', size: { width: 120, height: 63 }, contentType: 'image/png' }]
}
export default function Image() {
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#123' }} />, { width: 120, height: 63 })
}
`

/** A dynamic route with two images, one of which blocks its thread while it renders (id is a promise on Next 16). */
const RENDER_LOOP = (mark: string) => `
import { ImageResponse } from 'next/og'
export function generateImageMetadata() {
  return ['stuck', 'fine'].map((id) => ({ id, size: { width: 120, height: 63 }, contentType: 'image/png' }))
}
export default async function Image({ id }: { id: string | Promise<string> }) {
  if ((await id) === 'stuck') for (;;) {}
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '${mark}' }} />, { width: 120, height: 63 })
}
`

const SPIN_LAYOUT = `
export function generateStaticParams() {
  return [{ kind: 'x' }]
}
export default function Layout({ children }: { children: unknown }) {
  return children
}
`

describe('5. preview starts and stays live whatever a route does', () => {
  test.runIf(process.platform === 'linux')(
    '5. preview: synchronous loops at a module top level, in generateImageMetadata and in the image function time out by name; the rest renders; the server answers while the render process is stuck and replaced',
    async () => {
      const dir = faultProject()
      writeProjectFile(dir, 'app/top/opengraph-image.tsx', TOP_LEVEL_LOOP)
      writeProjectFile(dir, 'app/listing/opengraph-image.tsx', LISTING_LOOP)
      writeProjectFile(dir, 'app/spin/[kind]/layout.tsx', SPIN_LAYOUT)
      writeProjectFile(dir, 'app/spin/[kind]/opengraph-image.tsx', RENDER_LOOP('#345'))
      const preview = await startPreview(dir, ['--timeout', '100'])
      try {
        const first = await galleryOf(preview.url)
        const stopped = 'it blocked its thread past the deadline (100 ms a step; stopped after'
        expect(first.errors).toContainEqual({
          file: 'app/top/opengraph-image.tsx',
          message: expect.stringContaining(`app/top/opengraph-image.tsx (route /top/opengraph-image) timed out while loading its module: ${stopped}`),
        })
        expect(first.errors).toContainEqual({
          file: 'app/listing/opengraph-image.tsx',
          message: expect.stringContaining(`app/listing/opengraph-image.tsx (route /listing/opengraph-image) timed out while listing its images: ${stopped}`),
        })
        const spin = first.images.filter((image) => image.file === 'app/spin/[kind]/opengraph-image.tsx')
        expect(spin.find((image) => image.id === 'stuck')?.error).toContain(
          `app/spin/[kind]/opengraph-image.tsx (route /spin/[kind]/opengraph-image, params {"kind":"x"}, id "stuck") timed out: ${stopped}`,
        )
        // The other image of the same route, and every image of the other routes, rendered.
        expect(spin.find((image) => image.id === 'fine')).toMatchObject({ real: { width: 120, height: 63 } })
        expect(spin.find((image) => image.id === 'fine')?.error).toBeUndefined()
        expect(first.images.filter((image) => !image.file.startsWith('app/spin/') && image.error === undefined)).toHaveLength(7)

        // Fix two routes and change the third: one re-render, which blocks on "stuck" again.
        const [renderer] = childProcesses(preview.child.pid!, 'render-child')
        expect(renderer).toBeDefined()
        writeFileSync(path.join(dir, 'app/top/opengraph-image.tsx'), FIXED_ROUTE)
        writeFileSync(path.join(dir, 'app/listing/opengraph-image.tsx'), FIXED_ROUTE)
        writeFileSync(path.join(dir, 'app/spin/[kind]/opengraph-image.tsx'), RENDER_LOOP('#456'))
        // Every request answers while the render process is stuck, until it is killed and a new one replaces it;
        // a frozen server would leave a request pending and the poll would time out.
        await expect
          .poll(
            async () => {
              const page = await fetch(preview.url)
              expect(page.status).toBe(200)
              const during = await galleryOf(preview.url)
              expect(during.generation).toBeGreaterThanOrEqual(first.generation)
              return childProcesses(preview.child.pid!, 'render-child').includes(renderer!)
            },
            { timeout: timeoutOf(1), interval: 200 },
          )
          .toBe(false)
        await expect
          .poll(
            async () => {
              const now = await galleryOf(preview.url)
              return now.generation > first.generation && !now.building
            },
            { timeout: timeoutOf(1), interval: 500 },
          )
          .toBe(true)
        const second = await galleryOf(preview.url)
        expect(second.errors).toEqual([])
        for (const file of ['app/top/opengraph-image.tsx', 'app/listing/opengraph-image.tsx']) {
          expect(second.images.find((image) => image.file === file)).toMatchObject({ real: { width: 120, height: 63 } })
        }
        expect(second.images.find((image) => image.id === 'stuck')?.error).toContain('id "stuck") timed out')
        expect(preview.child.exitCode).toBeNull()
      } finally {
        preview.child.kill('SIGINT')
      }
    },
    timeoutOf(3),
  )
})
