// Unsupported vitest and vite versions get one message naming the package, the version and the supported range.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { assertSupportedPeers, peerVersionProblem } from '../../src/peer-versions.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A project folder whose node_modules holds the given versions. */
function projectWith(versions: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-peers-'))
  dirs.push(dir)
  writeFileSync(path.join(dir, 'package.json'), '{}')
  for (const [name, version] of Object.entries(versions)) {
    mkdirSync(path.join(dir, 'node_modules', name), { recursive: true })
    writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }))
  }
  return dir
}

describe('peer versions', () => {
  test.each([
    ['vitest', '3.1.4', 'too-old'],
    ['vitest', '3.2.0', undefined],
    ['vitest', '4.1.12', undefined],
    ['vitest', '5.0.0-beta.1', 'untested'],
    ['vite', '4.5.3', 'too-old'],
    ['vite', '5.4.21', undefined],
    ['vite', '8.3.8', undefined],
  ] as const)('%s %s: %s', (name, version, problem) => {
    expect(peerVersionProblem(name, version)).toBe(problem)
  })

  test('a project on vitest 3.1 gets one error that names it, the range and the fix', () => {
    const dir = projectWith({ vitest: '3.1.4', vite: '5.4.21' })
    expect(() => assertSupportedPeers(dir)).toThrow(
      'imgmeta needs vitest ^3.2.0 || ^4.0.0, but this project has vitest 3.1.4. Upgrade it: npm install --save-dev vitest@4',
    )
  })

  test('a newer major than tested warns once and runs on', () => {
    const dir = projectWith({ vitest: '9.0.0', vite: '8.0.0' })
    const warnings: string[] = []
    assertSupportedPeers(dir, (message) => warnings.push(message))
    assertSupportedPeers(dir, (message) => warnings.push(message))
    expect(warnings).toEqual([
      "imgmeta is tested with vitest ^3.2.0 || ^4.0.0; this project has vitest 9.0.0, which may not work. Report problems at imgmeta's issue tracker.",
    ])
  })

  test('the ranges are the ones package.json declares', async () => {
    const { PEER_RANGES } = await import('../../src/peer-versions.js')
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { peerDependencies: Record<string, string> }
    expect(pkg.peerDependencies.vitest).toBe(PEER_RANGES.vitest.range)
    expect(pkg.peerDependencies.vite).toBe(PEER_RANGES.vite.range)
  })
})
