import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/fixtures/**', 'test/next/**', 'test/matrix/**'],
    setupFiles: ['test/setup/rule-tester.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
