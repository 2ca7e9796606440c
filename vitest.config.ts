import { defineConfig } from 'vitest/config'
import { TEST_TIMEOUT_MS, timeoutOf } from './test/helpers/timeouts.js'

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/fixtures/**', 'test/next/**', 'test/matrix/**'],
    setupFiles: ['test/setup/rule-tester.ts'],
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: timeoutOf(2),
  },
})
