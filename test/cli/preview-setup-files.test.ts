// A project's setup files, as real apps write them: one stands a module in with `vi.mock` (an analytics call
// that must not run in tests), another calls a part of vitest the preview has not. `imgmeta preview` renders
// with the stand-in, as `imgmeta check` does, names the other file once in the gallery, and prints no vite stack.
import { describe, expect, test } from 'vitest'
import { timeoutOf } from '../helpers/timeouts.js'
import { faultProject, runCli, writeProjectFile } from '../faults/fault-project.js'
import { galleryOf, startPreview } from '../faults/preview-process.js'

/** A card that reports each render to an analytics service first, as the real-world app's card does. */
const TRACKED_ROUTE = `
import { ImageResponse } from 'next/og'
import { track } from '../../lib/analytics'
import { brand, colour } from '../../lib/brand'
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default async function Image() {
  await track('og-image')
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: colour, color: '#fff' }}>{brand}</div>, size)
}
`

describe('imgmeta preview with the setup files of the project', () => {
  test(
    "a vi.mock stand-in applies as under check; a setup file using vitest's timers is named in the gallery; no vite stack is printed",
    async () => {
      const dir = faultProject()
      writeProjectFile(dir, 'lib/analytics.ts', `export async function track(event: string): Promise<void> {\n  throw new Error('analytics must not run in tests: ' + event)\n}\n`)
      writeProjectFile(dir, 'lib/brand.ts', `export const brand = 'Acme'\nexport const colour = '#b91c1c'\n`)
      writeProjectFile(dir, 'app/tracked/opengraph-image.tsx', TRACKED_ROUTE)
      writeProjectFile(
        dir,
        'vitest.config.ts',
        `import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { setupFiles: ['./vitest.setup.ts', './timers.setup.ts'] } })\n`,
      )
      writeProjectFile(
        dir,
        'vitest.setup.ts',
        `import { vi } from 'vitest'\n` +
          `vi.mock('./lib/analytics', () => ({ track: vi.fn(async () => {}) }))\n` +
          // A partial stand-in: the real module, one export changed.
          `vi.mock('./lib/brand', async (importOriginal) => ({ ...(await importOriginal()), colour: '#0e7490' }))\n`,
      )
      writeProjectFile(dir, 'timers.setup.ts', `import { vi } from 'vitest'\nvi.useFakeTimers()\n`)
      const update = await runCli(['update'], dir)
      expect(update.code, update.stdout + update.stderr).toBe(0)

      const preview = await startPreview(dir)
      try {
        const gallery = await galleryOf(preview.url)
        expect(gallery.errors).toEqual([
          {
            file: './timers.setup.ts',
            message: 'setup file ./timers.setup.ts could not run in the preview: vi.useFakeTimers() is not available in imgmeta preview (it runs outside vitest)',
          },
        ])
        const tracked = gallery.images.find((image) => image.file === 'app/tracked/opengraph-image.tsx')
        expect(tracked?.error).toBeUndefined()
        // The snapshot check wrote with both stand-ins (the teal of the partial mock): the same pixels.
        expect(tracked?.snapshot?.status).toBe('identical')
        expect(gallery.images.filter((image) => image.error !== undefined)).toEqual([])
        expect(preview.output()).not.toContain('Error when evaluating SSR module')
      } finally {
        preview.child.kill('SIGINT')
      }
    },
    timeoutOf(2),
  )
})
