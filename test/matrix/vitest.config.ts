// The install matrix runs on its own (`npm run test:matrix`): it needs the npm registry and minutes per project.
import { defineConfig } from 'vitest/config'
import { timeoutOf } from '../helpers/timeouts.js'

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/matrix/**/*.test.ts'],
    // One project after the other: each install and check already uses both cores.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: timeoutOf(5 / 3),
    hookTimeout: timeoutOf(5 / 3),
  },
})
