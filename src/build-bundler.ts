// The bundler `next build` uses decides details that differ between builds of the same app (the `?query` hash of
// image URLs, next/font's class names). 14 and 15 build with webpack; 16 with Turbopack unless the build command
// says `--webpack`.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Bundler } from './metadata-items.js'
import type { NextMajor } from './next-version.js'

/** `next build … --webpack` in a package.json script. */
const WEBPACK_BUILD = /\bnext\s+build\b[^&|;]*\s--webpack\b/

/** The bundler `next build` of the project at `root` uses on `version`: webpack before 16, and on 16 when its build script says `--webpack`. */
export function nextBuildBundler(root: string, version: NextMajor): Bundler {
  if (version !== 16) return 'webpack'
  let scripts: Record<string, unknown> = {}
  try {
    scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> }).scripts ?? {}
  } catch {
    // No readable package.json: Next 16's default.
  }
  return Object.values(scripts).some((script) => typeof script === 'string' && WEBPACK_BUILD.test(script)) ? 'webpack' : 'turbopack'
}
