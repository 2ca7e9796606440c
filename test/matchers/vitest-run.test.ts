// End to end: real vitest runs (child processes) in temporary projects made from test/fixtures/snapshot-project.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTempProject, type TempProject } from './temp-project.js'

const projects: TempProject[] = []
afterEach(() => {
  for (const project of projects.splice(0)) project.cleanup()
})
function project(files: string[], matcher: 'imgmeta' | 'jest-image-snapshot' = 'imgmeta'): TempProject {
  const created = createTempProject(files, matcher)
  projects.push(created)
  return created
}
function snapshotsLine(output: string): string {
  return /^\s*Snapshots\s+(.*)$/m.exec(output)?.[1]?.trim() ?? '(no Snapshots line)'
}

const NAMES_FILES = [
  'card-test-ts-card-1-snap.png',
  'card-test-ts-second-card-1-snap.png',
  'fn-names-test-ts-custom-identifier-2-2.png',
  'my-custom-name.png',
  'names-test-ts-renders-css-4-styles-and-xml-http-request-foo-bar-1-snap.png',
  'names-test-ts-renders-css-4-styles-and-xml-http-request-foo-bar-2-snap.png',
  'names-test-ts-renders-the-card-1-snap.png',
  'names-test-ts-shop-slug-icon-large-1-1-snap.png',
  'names-test-ts-shop-slug-icon-small-0-1-snap.png',
  'names-test-ts-shop-slug-opengraph-image-tsx-its-1st-creme-brulee-100-50-px-2-x-1-snap.png',
  'names-test-ts-日本語-🎉-emoji-1-snap.png',
]

describe('file names are jest-image-snapshot 6.5.2’s under vitest 4.1', () => {
  it('the same tests write the same files with either matcher', () => {
    const ours = project(['names.test.ts', 'card.test.ts'])
    const theirs = project(['names.test.ts', 'card.test.ts'], 'jest-image-snapshot')
    const a = ours.run()
    const b = theirs.run()
    expect(a.status, a.output).toBe(0)
    expect(b.status, b.output).toBe(0)
    expect(theirs.files()).toEqual(NAMES_FILES)
    expect(ours.files()).toEqual(theirs.files())
  })

  it('a project switching from jest-image-snapshot finds every snapshot it wrote (no churn)', () => {
    const p = project(['names.test.ts', 'card.test.ts'], 'jest-image-snapshot')
    expect(p.run().status).toBe(0)
    const before = p.files().map((f) => readFileSync(path.join(p.dir, '__image_snapshots__', f)))
    const switched = p.run([], { IMGMETA_MATCHER: 'imgmeta', UPDATE_SNAPSHOT: 'none' })
    expect(switched.status, switched.output).toBe(0)
    expect(snapshotsLine(switched.output)).toBe('(no Snapshots line)')
    expect(p.files()).toEqual(NAMES_FILES)
    p.files().forEach((f, i) => expect(readFileSync(path.join(p.dir, '__image_snapshots__', f)).equals(before[i]!)).toBe(true))
  })
})

describe('snapshot summary and update modes', () => {
  it('counts written, failed and updated snapshots in vitest’s summary; -u rewrites and clears the diff', () => {
    const p = project(['card.test.ts'])
    const first = p.run()
    expect(first.status, first.output).toBe(0)
    expect(snapshotsLine(first.output)).toBe('2 written')

    const unchanged = p.run()
    expect(unchanged.status).toBe(0)
    expect(snapshotsLine(unchanged.output)).toBe('(no Snapshots line)')

    const reference = path.join(p.dir, '__image_snapshots__', 'card-test-ts-card-1-snap.png')
    const original = readFileSync(reference)
    const changed = p.run([], { IMAGE_VARIANT: 'changed' })
    expect(changed.status).toBe(1)
    expect(snapshotsLine(changed.output)).toBe('1 failed')
    expect(changed.output).toContain('different from snapshot (25 differing pixels of 384)')
    expect(changed.output).toContain('See diff for details: __image_snapshots__/__diff_output__/card-test-ts-card-1-snap-diff.png')
    expect(p.files()).toContain('__diff_output__/card-test-ts-card-1-snap-diff.png')
    expect(readFileSync(reference).equals(original)).toBe(true)

    const updated = p.run(['-u'], { IMAGE_VARIANT: 'changed' })
    expect(updated.status, updated.output).toBe(0)
    expect(snapshotsLine(updated.output)).toBe('1 updated')
    expect(readFileSync(reference).equals(original)).toBe(false)
    expect(p.files()).not.toContain('__diff_output__/card-test-ts-card-1-snap-diff.png')
  })

  it('on CI (CI=true) a missing snapshot fails and is not written; existing ones are compared', () => {
    const p = project(['card.test.ts'])
    const ci = p.run([], { CI: 'true' })
    expect(ci.status).toBe(1)
    expect(snapshotsLine(ci.output)).toBe('2 failed')
    expect(ci.output).toContain('New snapshot was not written. The update flag must be explicitly passed')
    expect(p.files()).toEqual([])

    expect(p.run().status).toBe(0)
    const again = p.run([], { CI: 'true' })
    expect(again.status, again.output).toBe(0)
    const changed = p.run([], { CI: 'true', IMAGE_VARIANT: 'changed' })
    expect(changed.status).toBe(1)
    expect(snapshotsLine(changed.output)).toBe('1 failed')
  })

  it('a retried test compares against the file of its first attempt (jest-image-snapshot drifts to -2-snap)', () => {
    const ours = project(['retry.test.ts'])
    const theirs = project(['retry.test.ts'], 'jest-image-snapshot')
    for (const p of [ours, theirs]) expect(p.run().status).toBe(0)
    const retried = ours.run([], { FLAKY: '1' })
    expect(retried.status, retried.output).toBe(0)
    expect(snapshotsLine(retried.output)).toBe('(no Snapshots line)')
    expect(ours.files()).toEqual(['retry-test-ts-flaky-card-1-snap.png'])

    theirs.run([], { FLAKY: '1' })
    expect(theirs.files()).toContain('retry-test-ts-flaky-card-2-snap.png')
  })

  it('two workers creating the same snapshot at once: one writes it, the other compares against it', () => {
    const p = project(['race-a.test.ts', 'race-b.test.ts'])
    const run = p.run(['--maxWorkers=2'])
    expect(run.status, run.output).toBe(0)
    expect(snapshotsLine(run.output)).toBe('1 written')
    expect(p.files()).toEqual(['shared.png'])
  })
})

describe('obsolete image snapshots (ImageSnapshotReporter)', () => {
  const REPORTER = { IMGMETA_REPORTER: '1' }
  const OBSOLETE = '__image_snapshots__/gone-test-ts-old-1-snap.png'

  function seeded(files: string[]): TempProject {
    const p = project(files)
    expect(p.run().status).toBe(0)
    writeFileSync(path.join(p.dir, OBSOLETE), readFileSync(path.join(p.dir, '__image_snapshots__/card-test-ts-card-1-snap.png')))
    return p
  }

  it('a complete run lists snapshots no test used, and deletes nothing', () => {
    const p = seeded(['card.test.ts', 'names.test.ts'])
    const run = p.run([], REPORTER)
    expect(run.status).toBe(0)
    expect(run.output).toContain(`1 obsolete image snapshot(s): no test used them in this complete run.\n  ${OBSOLETE}\n`)
    expect(p.files()).toContain('gone-test-ts-old-1-snap.png')
  })

  it('removeObsolete deletes exactly the obsolete snapshots', () => {
    const p = seeded(['card.test.ts', 'names.test.ts'])
    const before = p.files()
    const run = p.run([], { ...REPORTER, REMOVE_OBSOLETE: '1' })
    expect(run.output).toContain(`Removed 1 obsolete image snapshot(s):\n  ${OBSOLETE}`)
    expect(p.files()).toEqual(before.filter((f) => f !== 'gone-test-ts-old-1-snap.png'))
  })

  it.each([
    ['a file filter', ['card']],
    ['a name filter', ['-t', 'card']],
    ['a shard', ['--shard=1/2']],
  ])('a partial run (%s) neither reports nor deletes', (_name, args) => {
    const p = seeded(['card.test.ts', 'names.test.ts'])
    const run = p.run(args, { ...REPORTER, REMOVE_OBSOLETE: '1' })
    expect(run.status, run.output).toBe(0)
    expect(run.output).not.toMatch(/obsolete image snapshot/i)
    expect(p.files()).toContain('gone-test-ts-old-1-snap.png')
  })

  it('a folder whose tests were skipped or failed is not judged', () => {
    const p = seeded(['card.test.ts', 'skip.test.ts'])
    const skipped = p.run([], { ...REPORTER, REMOVE_OBSOLETE: '1', SKIP_IT: '1' })
    expect(skipped.status).toBe(0)
    expect(skipped.output).not.toMatch(/obsolete image snapshot/i)
    expect(p.files()).toContain('skip-test-ts-kept-1-snap.png')
    const failed = p.run([], { ...REPORTER, REMOVE_OBSOLETE: '1', IMAGE_VARIANT: 'changed' })
    expect(failed.status).toBe(1)
    expect(failed.output).not.toMatch(/obsolete image snapshot/i)
    expect(p.files()).toContain('gone-test-ts-old-1-snap.png')
  })
})
