import { defineConfig } from 'vitest/config'

// An ES module config, as vite 5 asks of a CommonJS package (a vitest.config.ts there is bundled as CommonJS,
// with vite's deprecation warning). No tsconfig-paths plugin: imgmeta maps `@/` itself.
export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
  },
})
