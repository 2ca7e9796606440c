import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findObsoleteSnapshots, partialRunReason, type FinishedModule } from '../../matchers/obsolete-snapshots.js'

describe('partialRunReason', () => {
  const complete = { reason: 'passed' as const, allFiles: ['/a.test.ts', '/b.test.ts'], ranFiles: ['/b.test.ts', '/a.test.ts'] }

  it('a run of every test file with no filter is complete', () => {
    expect(partialRunReason(complete)).toBeUndefined()
    expect(partialRunReason({ ...complete, reason: 'failed' })).toBeUndefined()
  })

  it.each([
    [{ reason: 'interrupted' as const }, 'the run was interrupted'],
    [{ shard: { index: 1, count: 2 } }, 'the run is sharded'],
    [{ testNamePattern: /card/ }, 'tests were filtered by name'],
    [{ fileFilters: ['card'] }, 'test files were filtered'],
    [{ changed: true }, 'only changed files ran'],
    [{ related: ['src/a.ts'] }, 'only related files ran'],
    [{ ranFiles: ['/a.test.ts'] }, '1 test file(s) did not run'],
  ])('%o is partial: %s', (change, reason) => {
    expect(partialRunReason({ ...complete, ...change })).toBe(reason)
  })
})

describe('findObsoleteSnapshots', () => {
  let root: string
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  function setup(): { snaps: string; mod: (tests: FinishedModule['tests'], ok?: boolean) => FinishedModule } {
    root = mkdtempSync(path.join(tmpdir(), 'imgmeta-obsolete-'))
    const snaps = path.join(root, '__image_snapshots__')
    mkdirSync(path.join(snaps, '__diff_output__'), { recursive: true })
    for (const f of ['used-snap.png', 'old-snap.png', 'custom.png', 'notes.txt', '__diff_output__/used-snap-diff.png']) {
      writeFileSync(path.join(snaps, f), '')
    }
    return {
      snaps,
      mod: (tests, ok = true) => ({ moduleId: path.join(root, 'a.test.ts'), ok, tests }),
    }
  }

  it('lists the PNGs no test touched, ignoring diff output and other files', () => {
    const { snaps, mod } = setup()
    const touched = { dirs: [snaps], files: [path.join(snaps, 'used-snap.png')] }
    const result = findObsoleteSnapshots([mod([{ state: 'passed', touched }, { state: 'passed' }])])
    expect(result).toEqual({ obsolete: [path.join(snaps, 'custom.png'), path.join(snaps, 'old-snap.png')], skippedDirs: [] })
  })

  it.each(['skipped', 'failed', 'pending'] as const)('does not judge a folder when a test was %s', (state) => {
    const { snaps, mod } = setup()
    const result = findObsoleteSnapshots([mod([{ state: 'passed' }, { state }])])
    expect(result).toEqual({ obsolete: [], skippedDirs: [snaps] })
  })

  it('does not judge a folder when its test file had errors', () => {
    const { snaps, mod } = setup()
    expect(findObsoleteSnapshots([mod([], false)])).toEqual({ obsolete: [], skippedDirs: [snaps] })
  })

  it("leaves the imgmeta command's routes/ folder to the command, even beside a root test file", () => {
    const { snaps, mod } = setup()
    mkdirSync(path.join(snaps, 'routes/blog/opengraph-image'), { recursive: true })
    writeFileSync(path.join(snaps, 'routes/blog/opengraph-image/cover.png'), '')
    writeFileSync(path.join(snaps, 'routes.png'), '')
    const touched = { dirs: [snaps], files: [path.join(snaps, 'used-snap.png')] }
    const result = findObsoleteSnapshots([mod([{ state: 'passed', touched }])])
    expect(result.obsolete).toEqual([path.join(snaps, 'custom.png'), path.join(snaps, 'old-snap.png'), path.join(snaps, 'routes.png')])
  })

  it('outside __image_snapshots__ only -snap.png files are considered', () => {
    const { mod } = setup()
    const custom = path.join(root, 'refs')
    mkdirSync(custom)
    writeFileSync(path.join(custom, 'fixture.png'), '')
    writeFileSync(path.join(custom, 'old-snap.png'), '')
    const result = findObsoleteSnapshots([mod([{ state: 'passed', touched: { dirs: [custom], files: [] } }])])
    expect(result.obsolete).toContain(path.join(custom, 'old-snap.png'))
    expect(result.obsolete).not.toContain(path.join(custom, 'fixture.png'))
  })
})
