import type { Plugin } from 'vite'
import { imgmeta } from '../matchers/vitest-plugin.js'
import type { RendererChoice } from './config.js'

/**
 * The vite settings the CLI adds to the project's own config: the `imgmeta/vitest` plugin, so the command loads
 * route files exactly as a user's `plugins: [imgmeta()]` does (automatic JSX runtime, tsconfig `paths`, a no-op
 * `server-only`, next/og per renderer). The generated test files register the matchers themselves, so the
 * plugin adds no setup file. Tests run in the process environment of `next start` (`.env*`, NODE_ENV, NEXT_RUNTIME) and load modules as Next's server layer.
 */
export function imgmetaViteSettings(renderer: RendererChoice, strictCss = false): { plugins: Plugin[] } {
  return { plugins: [imgmeta({ renderer, strictCss, setupFile: false, nextEnv: true, nextServer: true })] }
}
