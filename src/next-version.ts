import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The Next.js majors whose image-route behaviour imgmeta reproduces (13.3+ behaves as 14). */
export type NextMajor = 14 | 15 | 16

/** Behaviour used when no `next` package is installed: the newest major imgmeta knows. */
export const DEFAULT_NEXT_MAJOR: NextMajor = 16

/** Maps any Next version string or major onto the behaviour imgmeta reproduces for it. */
export function toNextMajor(version: string | number): NextMajor {
  const major = typeof version === 'number' ? version : Number.parseInt(String(version).replace(/^[^\d]*/, ''), 10)
  if (!Number.isFinite(major)) return DEFAULT_NEXT_MAJOR
  if (major <= 14) return 14
  if (major === 15) return 15
  return 16
}

/** The major of the `next` package that `cwd` resolves, or 16 when none is installed. */
export function detectNextVersion(cwd: string = process.cwd()): NextMajor {
  try {
    const require = createRequire(path.join(path.resolve(cwd), 'noop.js'))
    const pkgPath = require.resolve('next/package.json')
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: string }
    return pkg.version ? toNextMajor(pkg.version) : DEFAULT_NEXT_MAJOR
  } catch {
    return DEFAULT_NEXT_MAJOR
  }
}
