// The `?query` of an image URL is a content hash whose kind depends on the bundler of the build: Turbopack's
// (16's default) is xxh3-64 of the route file and reproducible; webpack's (14, 15, 16 with `--webpack`) is
// another hash that imgmeta cannot compute. The bundler of 16 is chosen on the `next build` command line.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Bundler } from '../../src/metadata-items.js'
import type { NextMajor } from '../../src/next-version.js'

/** `next build … --webpack` in a package.json script. */
const WEBPACK_BUILD = /\bnext\s+build\b[^&|;]*\s--webpack\b/

/** The bundler `next build` of the project at `root` uses on `version`: webpack before 16, and on 16 when its build script says `--webpack`. */
export function buildBundler(root: string, version: NextMajor): Bundler {
  if (version !== 16) return 'webpack'
  let scripts: Record<string, unknown> = {}
  try {
    scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> }).scripts ?? {}
  } catch {
    // No readable package.json: Next 16's default.
  }
  return Object.values(scripts).some((script) => typeof script === 'string' && WEBPACK_BUILD.test(script)) ? 'webpack' : 'turbopack'
}
