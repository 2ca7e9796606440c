// The versions of vitest and vite imgmeta is tested against (its peer ranges), and one clear message for others.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ImgmetaError } from './errors.js'

/** A peer package imgmeta runs inside, with the oldest version that works and the newest major it is tested on. */
interface PeerRange {
  /** The range as package.json's peerDependencies writes it. */
  range: string
  /** Oldest supported [major, minor]. */
  oldest: readonly [number, number]
  /** Newest major imgmeta is tested with. */
  newestMajor: number
}

/** imgmeta's peer ranges for the packages that run it (package.json's peerDependencies say the same). */
export const PEER_RANGES = {
  vitest: { range: '^3.2.0 || ^4.0.0', oldest: [3, 2], newestMajor: 4 },
  vite: { range: '^5.0.0 || ^6.0.0 || ^7.0.0 || ^8.0.0', oldest: [5, 0], newestMajor: 8 },
} as const satisfies Record<string, PeerRange>

/** A peer imgmeta checks. */
export type PeerName = keyof typeof PEER_RANGES

/** The version of package `name` that `fromDir` resolves (the project's), or undefined when it resolves none. */
export function installedVersion(name: string, fromDir: string): string | undefined {
  try {
    const file = createRequire(path.join(fromDir, 'package.json')).resolve(`${name}/package.json`)
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version
    return typeof version === 'string' ? version : undefined
  } catch {
    return undefined
  }
}

/**
 * What is wrong with `version` of `name`: 'too-old' when imgmeta cannot work with it, 'untested' when it is a
 * major newer than imgmeta is tested with, undefined when it is in range.
 */
export function peerVersionProblem(name: PeerName, version: string): 'too-old' | 'untested' | undefined {
  const [major = 0, minor = 0] = version.split(/[.-]/).map((part) => Number.parseInt(part, 10))
  const { oldest, newestMajor } = PEER_RANGES[name]
  if (major < oldest[0] || (major === oldest[0] && minor < oldest[1])) return 'too-old'
  if (major > newestMajor) return 'untested'
  return undefined
}

/** The one message for an unsupported peer: the package, the version found, the supported range and the fix. */
export function peerVersionMessage(name: PeerName, version: string, problem: 'too-old' | 'untested'): string {
  const { range } = PEER_RANGES[name]
  return problem === 'too-old'
    ? `imgmeta needs ${name} ${range}, but this project has ${name} ${version}. Upgrade it: npm install --save-dev ${name}@${PEER_RANGES[name].newestMajor}`
    : `imgmeta is tested with ${name} ${range}; this project has ${name} ${version}, which may not work. Report problems at imgmeta's issue tracker.`
}

const warned = new Set<string>()

/**
 * Checks the vitest and vite that `fromDir` resolves: throws a `config-failed` error naming the package, the
 * version and the supported range when one is too old for imgmeta, and warns once per process when one is
 * newer than imgmeta is tested with. Packages that are not found are left to the import that needs them.
 */
export function assertSupportedPeers(fromDir: string, warn: (message: string) => void = console.warn): void {
  for (const name of Object.keys(PEER_RANGES) as PeerName[]) {
    const version = installedVersion(name, fromDir)
    if (version === undefined) continue
    const problem = peerVersionProblem(name, version)
    if (problem === 'too-old') throw new ImgmetaError('config-failed', peerVersionMessage(name, version, problem))
    if (problem === 'untested' && !warned.has(`${name}@${version}`)) {
      warned.add(`${name}@${version}`)
      warn(peerVersionMessage(name, version, problem))
    }
  }
}
