// The `imgmeta/vitest` config plugin: adds imgmeta's setup file and, on request, makes image route files that
// import next/og (or next/server's ImageResponse, 13.x code) render with imgmeta/og instead.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import type { ViteUserConfig } from 'vitest/config'

/** Options of the imgmeta vitest plugin. */
export interface ImgmetaVitestOptions {
  /** Which ImageResponse image routes get: 'next' (default) leaves next/og alone, 'reference' uses imgmeta/og. */
  renderer?: 'reference' | 'next'
}

/** The setup file the plugin adds to `test.setupFiles`. */
export const SETUP_FILE = 'imgmeta/vitest-setup'

const NEXT_SERVER_SHIM = '\0imgmeta:next-server'

function ogEntry(): string {
  // Built: dist/matchers → dist/src/og/index.js; from source (this repository's own tests): src/og/index.ts.
  const built = fileURLToPath(new URL('../src/og/index.js', import.meta.url))
  return existsSync(built) ? built : built.replace(/\.js$/, '.ts')
}

/** The vitest plugin: `plugins: [imgmeta({ renderer: 'reference' })]` in vitest.config.ts. */
export function imgmeta(options: ImgmetaVitestOptions = {}): Plugin {
  const renderer = options.renderer ?? 'next'
  if (renderer !== 'reference' && renderer !== 'next') {
    throw new TypeError(`imgmeta vitest plugin: renderer must be 'reference' or 'next', got ${JSON.stringify(renderer)}`)
  }
  let root = process.cwd()
  return {
    name: 'imgmeta',
    enforce: 'pre',
    config(config: ViteUserConfig) {
      root = config.root ?? root
      const test = (config.test ??= {})
      const files = test.setupFiles === undefined ? [] : [test.setupFiles].flat()
      if (!files.includes(SETUP_FILE)) test.setupFiles = [...files, SETUP_FILE]
    },
    resolveId(source) {
      if (renderer !== 'reference') return null
      if (source === 'next/og' || source === 'next/og.js') return ogEntry()
      if (source === 'next/server' || source === 'next/server.js') return NEXT_SERVER_SHIM
      return null
    },
    load(id) {
      if (id !== NEXT_SERVER_SHIM) return null
      // Everything from the real next/server except ImageResponse, which a local export overrides.
      const real = createRequire(`${root}/`).resolve('next/server')
      return `export * from ${JSON.stringify(real)}\nexport { ImageResponse } from ${JSON.stringify(ogEntry())}\n`
    },
  }
}

export default imgmeta
