// The project's own vite configuration file, found as vitest finds it, so that `imgmeta check` (which runs
// vitest) and `imgmeta preview` (which runs vite) read the same file.
import { existsSync } from 'node:fs'
import path from 'node:path'

/** vitest's order: a vitest config wins over a vite config; each in these extensions. */
const CONFIG_NAMES = ['vitest.config', 'vite.config'].flatMap((base) =>
  ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((extension) => `${base}.${extension}`),
)

/** The project's `vitest.config.*` or else `vite.config.*` in `root`; undefined when it has neither. */
export function projectConfigFile(root: string): string | undefined {
  return CONFIG_NAMES.map((name) => path.join(root, name)).find((file) => existsSync(file))
}
