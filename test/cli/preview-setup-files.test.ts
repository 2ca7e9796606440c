// A project's setup file that needs vitest's mocker (`vi.mock`), as real apps write them: `imgmeta preview`
// cannot run it outside vitest, says so once in the gallery, and still shows every image.
import { describe, expect, test } from 'vitest'
import { timeoutOf } from '../helpers/timeouts.js'
import { faultProject, runCli, writeProjectFile } from '../faults/fault-project.js'
import { galleryOf, startPreview } from '../faults/preview-process.js'

describe('imgmeta preview with a setup file that mocks a module', () => {
  test(
    'the gallery names the setup file and why; the terminal shows no vite stack for it; the images render',
    async () => {
      const dir = faultProject()
      writeProjectFile(dir, 'vitest.config.ts', `import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { setupFiles: ['./vitest.setup.ts'] } })\n`)
      writeProjectFile(dir, 'vitest.setup.ts', `import { vi } from 'vitest'\nvi.mock('./lib/analytics', () => ({ track: vi.fn() }))\n`)
      expect((await runCli(['update'], dir)).code).toBe(0)

      const preview = await startPreview(dir)
      try {
        const gallery = await galleryOf(preview.url)
        expect(gallery.errors).toEqual([
          {
            file: './vitest.setup.ts',
            message: expect.stringMatching(/^setup file \.\/vitest\.setup\.ts could not run in the preview: Vitest mocker was not initialized/),
          },
        ])
        expect(gallery.images.length).toBeGreaterThan(0)
        expect(gallery.images.filter((image) => image.error !== undefined)).toEqual([])
        expect(preview.output()).not.toContain('Error when evaluating SSR module')
        expect(preview.output()).not.toContain('vitest.setup.ts:2')
      } finally {
        preview.child.kill('SIGINT')
      }
    },
    timeoutOf(2),
  )
})
