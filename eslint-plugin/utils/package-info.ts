import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The fields of imgmeta's package.json the plugin reports about itself. */
export interface PackageInfo {
  name: string
  version: string
}

/**
 * imgmeta's own package.json, found by the package's self-reference so that the same code works from the
 * sources (`eslint-plugin/`) and from the build (`dist/eslint-plugin/`).
 */
export function readPackageInfo(): PackageInfo {
  const require = createRequire(import.meta.url)
  let pkg: { name?: unknown; version?: unknown }
  try {
    pkg = require('imgmeta/package.json') as typeof pkg
  } catch {
    // Published as eslint-plugin-imgmeta, installed without imgmeta (an optional peer): its own package.json,
    // three folders up from dist/eslint-plugin/utils/.
    pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as typeof pkg
  }
  return {
    name: typeof pkg.name === 'string' ? pkg.name : 'imgmeta',
    version: typeof pkg.version === 'string' ? pkg.version : '0.0.0',
  }
}
