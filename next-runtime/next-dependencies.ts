// Which installed packages must go through vite rather than Node's own loader: packages written for Next's
// bundler (they import next/font, 'server-only', or hold 'use client' files, and say so by depending on `next`,
// `server-only` or `client-only`), and every package that depends on one of those, since a package Node loads
// natively imports its dependencies natively too.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Dependencies that mark a package as written for Next's server build. */
const NEXT_MARKERS: ReadonlySet<string> = new Set(['next', 'server-only', 'client-only', '@next/font'])

/** Packages that Node loads as they are even when they depend on Next (Next itself, React, the renderer). */
const ALWAYS_NATIVE: ReadonlySet<string> = new Set(['next', 'react', 'react-dom', 'server-only', 'client-only', 'imgmeta', 'vitest', 'vite'])

interface PackageInfo {
  name: string
  requires: string[]
}

/** The packages of `<root>/node_modules` (scoped ones included) with the names of what they depend on. */
function installedPackages(root: string): PackageInfo[] {
  const modules = path.join(root, 'node_modules')
  const names: string[] = []
  for (const entry of safeReaddir(modules)) {
    if (entry.startsWith('.')) continue
    if (entry.startsWith('@')) for (const scoped of safeReaddir(path.join(modules, entry))) names.push(`${entry}/${scoped}`)
    else names.push(entry)
  }
  return names.flatMap((name) => {
    try {
      const manifest = JSON.parse(readFileSync(path.join(modules, name, 'package.json'), 'utf8')) as Record<string, unknown>
      const requires = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
        Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}),
      )
      return [{ name, requires }]
    } catch {
      return []
    }
  })
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/**
 * The installed packages Next's server build would bundle with its own rules (see the file comment), as package
 * names, sorted. Reads only `package.json` files of `<root>/node_modules`, once per call.
 */
export function packagesBuiltForNext(root: string): string[] {
  const packages = installedPackages(root)
  const chosen = new Set<string>()
  let grew = true
  while (grew) {
    grew = false
    for (const { name, requires } of packages) {
      if (chosen.has(name) || ALWAYS_NATIVE.has(name)) continue
      if (requires.some((dep) => NEXT_MARKERS.has(dep) || chosen.has(dep))) {
        chosen.add(name)
        grew = true
      }
    }
  }
  return [...chosen].sort()
}
