import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, test } from 'vitest'
import { STAMP_KEYWORD } from '../../matchers/render-stamp.js'
import { copyFixture, listFiles, runCli } from './cli-helpers.js'

const SNAPSHOTS = [
  'blog/a/opengraph-image/square.png',
  'blog/a/opengraph-image/wide.png',
  'blog/b/opengraph-image/square.png',
  'blog/b/opengraph-image/wide.png',
  'docs/routing/twitter-image.png',
  'icon/medium.png',
  'icon/small.png',
]

/** The command's default snapshot folder, relative to the project. */
const SNAPSHOT_DIR = '__image_snapshots__/routes'

const created: string[] = []
function project(): string {
  const dir = copyFixture()
  created.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

const OG_ROUTE = 'app/blog/[slug]/opengraph-image.tsx'

describe('imgmeta check and update, run as a process on a fixture app', () => {
  test('update writes one snapshot per image, named by its URL; check then passes', async () => {
    const dir = project()
    const update = await runCli(['update'], dir)
    expect(update.stderr).toBe('')
    expect(update.code).toBe(0)
    expect(update.stdout).toContain('Snapshots  7 added, 0 updated, 0 unchanged, 0 failed')
    expect(listFiles(path.join(dir, '__image_snapshots__'))).toEqual(SNAPSHOTS.map((file) => `routes/${file}`))
    const png = PNG.sync.read(readFileSync(path.join(dir, SNAPSHOT_DIR, 'blog/a/opengraph-image/wide.png')))
    expect([png.width, png.height]).toEqual([600, 315])

    const check = await runCli(['check'], dir)
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Snapshots  0 added, 0 updated, 7 unchanged, 0 failed')
    expect(check.stdout).toMatch(/app\/blog\/\[slug\]\/opengraph-image\.tsx\s+\/blog\/\[slug\]\/opengraph-image\s+4\s+4\s+0\s+0/)
    expect(check.stdout).toMatch(/app\/icon\.tsx\s+\/icon\s+2\s+2\s+0\s+0/)
    // params of app/docs/[topic] come from imgmeta.config.ts, the @/ import from tsconfig paths
    expect(check.stdout).toMatch(/app\/docs\/\[topic\]\/twitter-image\.tsx\s+\/docs\/\[topic\]\/twitter-image\s+1\s+1\s+0\s+0/)
    expect(check.stdout).toContain('imgmeta: all images pass')
  })

  test('update stamps each snapshot with its render; --no-render-stamp writes none and check still passes', async () => {
    const dir = project()
    const wide = path.join(dir, SNAPSHOT_DIR, 'blog/a/opengraph-image/wide.png')
    expect((await runCli(['update'], dir)).code).toBe(0)
    expect(readFileSync(wide).includes(Buffer.from(`tEXt${STAMP_KEYWORD}\0`, 'latin1'))).toBe(true)

    rmSync(path.join(dir, '__image_snapshots__'), { recursive: true })
    expect((await runCli(['update', '--no-render-stamp'], dir)).code).toBe(0)
    expect(readFileSync(wide).includes(Buffer.from(STAMP_KEYWORD, 'latin1'))).toBe(false)
    const check = await runCli(['check'], dir)
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Snapshots  0 added, 0 updated, 7 unchanged, 0 failed')
  })

  test('with CI set, a missing snapshot fails and is not written', async () => {
    const dir = project()
    const run = await runCli(['check'], dir, { CI: 'true' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('New snapshot was not written')
    expect(run.stdout).toContain('run `imgmeta update` locally and commit the new snapshot')
    expect(run.stdout).toContain('Snapshots  0 added, 0 updated, 0 unchanged, 7 failed')
    expect(existsSync(path.join(dir, '__image_snapshots__'))).toBe(false)
  })

  test('a changed route fails with a diff, and every reporter file says so', async () => {
    const dir = project()
    expect((await runCli(['update'], dir)).code).toBe(0)
    const route = path.join(dir, OG_ROUTE)
    writeFileSync(route, readFileSync(route, 'utf8').replace('#fff7ed', '#fee2e2'))

    const summary = path.join(dir, 'out/summary.md')
    writeFileSync(path.join(dir, 'previous-step.md'), '')
    const run = await runCli(
      ['check', '--reporter', 'junit=out/junit.xml', '--reporter', 'json=out/results.json', '--reporter', 'github', '--summary', summary, '--report', 'out/report'],
      dir,
      { CI: '1' },
    )
    expect(run.code).toBe(1)
    // vitest 4 moved its reporters to vitest/node; loading them from vitest/reporters prints a deprecation.
    expect(run.stderr).not.toMatch(/deprecated/i)
    expect(run.stdout).toContain('Findings (4)')
    expect(run.stdout).toMatch(/✗ app\/blog\/\[slug\]\/opengraph-image\.tsx {2}\/blog\/a\/opengraph-image\n {2}test: \/blog\/a\/opengraph-image\/wide/)
    expect(run.stdout).toContain('Snapshot: __image_snapshots__/routes/blog/a/opengraph-image/wide.png')
    expect(run.stdout).toContain('See diff for details: __image_snapshots__/routes/__diff_output__/blog/a/opengraph-image/wide-diff.png')
    expect(run.stdout).toContain('→ look at the diff; if the change is intended, run `imgmeta update` and commit the snapshot')
    expect(run.stdout).toContain('Snapshots  0 added, 0 updated, 3 unchanged, 4 failed')
    const diff = PNG.sync.read(readFileSync(path.join(dir, SNAPSHOT_DIR, '__diff_output__/blog/a/opengraph-image/wide-diff.png')))
    expect(diff.width).toBe(600 * 3) // expected | diff | received

    // github: one ::error per failing image, on the route file
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'))
    expect(annotations).toHaveLength(4)
    for (const line of annotations) expect(line).toMatch(/^::error file=app\/blog\/\[slug\]\/opengraph-image\.tsx,line=1,title=imgmeta%3A \/blog\/[ab]\/opengraph-image\/(wide|square)::Expected image to match/)

    // junit (vitest's reporter), with suites and classnames named by route file
    const junit = readFileSync(path.join(dir, 'out/junit.xml'), 'utf8')
    expect(junit).toMatch(/<testsuites name="imgmeta" tests="7" failures="4" errors="0"/)
    expect(junit.match(/<testcase /g)).toHaveLength(7)
    expect(junit.match(/<failure /g)).toHaveLength(4)
    expect(junit).toContain('<testsuite name="app/blog/[slug]/opengraph-image.tsx"')
    expect(junit).toContain('classname="app/blog/[slug]/opengraph-image.tsx" name="image routes &gt; /blog/a/opengraph-image/wide"')
    expect(junit).not.toContain('imgmeta-check-')

    // json (vitest's reporter)
    const json = JSON.parse(readFileSync(path.join(dir, 'out/results.json'), 'utf8')) as {
      numTotalTests: number
      numFailedTests: number
      testResults: { name: string; assertionResults: { status: string; title: string }[] }[]
    }
    expect(json.numTotalTests).toBe(7)
    expect(json.numFailedTests).toBe(4)
    expect(json.testResults.map((r) => path.relative(dir, r.name)).sort()).toEqual([OG_ROUTE, 'app/docs/[topic]/twitter-image.tsx', 'app/icon.tsx'])

    // Markdown summary
    const markdown = readFileSync(summary, 'utf8')
    expect(markdown).toContain('## imgmeta ❌ images failed')
    expect(markdown).toContain('| 7 | 3 | 4 | 0 | 3 | 0 | 0 | 3 |')
    expect(markdown).toContain('| ❌ | `app/blog/[slug]/opengraph-image.tsx` | `/blog/a/opengraph-image` | /blog/a/opengraph-image/wide |')

    // HTML report: expected, received and diff of each failure, copied beside index.html
    const html = readFileSync(path.join(dir, 'out/report/index.html'), 'utf8')
    expect(html).toContain('<h1>imgmeta: 4 failing</h1>')
    for (let i = 1; i <= 4; i++) {
      for (const kind of ['expected', 'received', 'diff']) {
        expect(html).toContain(`src="images/${i}-${kind}.png"`)
        expect(existsSync(path.join(dir, `out/report/images/${i}-${kind}.png`))).toBe(true)
      }
    }
    const received = PNG.sync.read(readFileSync(path.join(dir, 'out/report/images/1-received.png')))
    const expected = PNG.sync.read(readFileSync(path.join(dir, 'out/report/images/1-expected.png')))
    expect(received.data.equals(expected.data)).toBe(false)
  })

  test('update --prune deletes only obsolete snapshots', async () => {
    const dir = project()
    expect((await runCli(['update'], dir)).code).toBe(0)
    const snapshots = path.join(dir, SNAPSHOT_DIR)
    mkdirSync(path.join(snapshots, 'old'), { recursive: true })
    writeFileSync(path.join(snapshots, 'old/removed-route.png'), readFileSync(path.join(snapshots, 'icon/small.png')))
    writeFileSync(path.join(snapshots, 'notes.txt'), 'kept: not a snapshot')
    mkdirSync(path.join(snapshots, '__diff_output__'), { recursive: true })
    writeFileSync(path.join(snapshots, '__diff_output__/x-diff.png'), 'kept: matcher output')

    const check = await runCli(['check'], dir)
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Obsolete   1 (run `imgmeta update --prune` to delete):\n  - __image_snapshots__/routes/old/removed-route.png')
    expect(existsSync(path.join(snapshots, 'old/removed-route.png'))).toBe(true)

    const sharded = await runCli(['update', '--prune', '--shard', '1/2'], dir)
    expect(sharded.code).toBe(2)
    expect(sharded.stderr).toContain('--prune needs a complete run')

    const prune = await runCli(['update', '--prune'], dir)
    expect(prune.code).toBe(0)
    expect(prune.stdout).toContain('Obsolete   1 deleted:\n  - __image_snapshots__/routes/old/removed-route.png')
    expect(listFiles(snapshots)).toEqual(['__diff_output__/x-diff.png', 'notes.txt', ...SNAPSHOTS].sort())
  })

  test('snapshots of vitest tests (jest-image-snapshot names) are never obsolete and survive update --prune', async () => {
    const dir = project()
    expect((await runCli(['update'], dir)).code).toBe(0)
    const png = readFileSync(path.join(dir, SNAPSHOT_DIR, 'icon/small.png'))
    // What toMatchImageSnapshot writes for a test file at the project root (home.test.ts), by its default name
    // and by a customSnapshotIdentifier: beside the command's folder, not in it.
    const testSnapshots = ['__image_snapshots__/home-test-ts-renders-1-snap.png', '__image_snapshots__/home-hero.png']
    for (const file of testSnapshots) writeFileSync(path.join(dir, file), png)
    mkdirSync(path.join(dir, SNAPSHOT_DIR, 'old'))
    writeFileSync(path.join(dir, SNAPSHOT_DIR, 'old/removed-route.png'), png)

    const check = await runCli(['check'], dir)
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Obsolete   1 (run `imgmeta update --prune` to delete):\n  - __image_snapshots__/routes/old/removed-route.png\nDuration')
    const prune = await runCli(['update', '--prune'], dir)
    expect(prune.code).toBe(0)
    expect(prune.stdout).toContain('Obsolete   1 deleted:\n  - __image_snapshots__/routes/old/removed-route.png\nDuration')
    for (const file of testSnapshots) expect(readFileSync(path.join(dir, file)).equals(png)).toBe(true)
    expect(listFiles(path.join(dir, '__image_snapshots__'))).toEqual(
      ['home-hero.png', 'home-test-ts-renders-1-snap.png', ...SNAPSHOTS.map((file) => `routes/${file}`)].sort(),
    )

    // --snapshot-dir pointed at a folder that vitest tests write into too (customSnapshotsDir)
    const shared = path.join(dir, 'shared-snapshots')
    mkdirSync(path.join(shared, 'old'), { recursive: true })
    writeFileSync(path.join(shared, 'card-test-ts-card-1-snap.png'), png)
    writeFileSync(path.join(shared, 'old/removed-route.png'), png)
    const flags = ['--snapshot-dir', 'shared-snapshots']
    expect((await runCli(['update', ...flags], dir)).code).toBe(0)
    const sharedCheck = await runCli(['check', ...flags], dir)
    expect(sharedCheck.code).toBe(0)
    expect(sharedCheck.stdout).toContain('Snapshots  0 added, 0 updated, 7 unchanged, 0 failed')
    expect(sharedCheck.stdout).toContain('Obsolete   1 (run `imgmeta update --prune` to delete):\n  - shared-snapshots/old/removed-route.png\nDuration')
    const sharedPrune = await runCli(['update', '--prune', ...flags], dir)
    expect(sharedPrune.code).toBe(0)
    expect(sharedPrune.stdout).toContain('Obsolete   1 deleted:\n  - shared-snapshots/old/removed-route.png\nDuration')
    expect(readFileSync(path.join(shared, 'card-test-ts-card-1-snap.png')).equals(png)).toBe(true)
    expect(listFiles(shared)).toEqual(['card-test-ts-card-1-snap.png', ...SNAPSHOTS].sort())
  })

  test('--shard splits the routes between runs; a shard reports no obsolete snapshots', async () => {
    const dir = project()
    expect((await runCli(['update'], dir)).code).toBe(0)
    const counts = []
    const ran: string[][] = []
    for (const shard of ['1/2', '2/2']) {
      const run = await runCli(['check', '--shard', shard, '--reporter', `json=out/${shard.replace('/', '-')}.json`], dir)
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('Obsolete   not checked: a partial run (--shard)')
      const json = JSON.parse(readFileSync(path.join(dir, `out/${shard.replace('/', '-')}.json`), 'utf8')) as {
        numTotalTests: number
        testResults: { name: string; assertionResults: { fullName: string }[] }[]
      }
      counts.push(json.numTotalTests)
      ran.push(json.testResults.flatMap((file) => file.assertionResults.map((test) => test.fullName)))
    }
    expect(counts[0]! + counts[1]!).toBe(7)
    // Each shard ran some routes, no route ran in both, and together they ran all seven.
    expect(ran[0]!.length).toBeGreaterThan(0)
    expect(ran[1]!.length).toBeGreaterThan(0)
    expect(ran[0]!.filter((name) => ran[1]!.includes(name))).toEqual([])
    expect(new Set([...ran[0]!, ...ran[1]!]).size).toBe(7)
  })

  test('a declared size that the image does not have is a metadata finding', async () => {
    const dir = project()
    const icon = path.join(dir, 'app/icon.tsx')
    writeFileSync(icon, readFileSync(icon, 'utf8').replace('{ width: 72, height: 72 }', '{ width: 96, height: 96 }'))
    const run = await runCli(['update'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('declares size 96×96 but the image function rendered 72×72')
    expect(run.stdout).toContain('→ fix what generateImageMetadata returns')
    expect(run.stdout).toMatch(/app\/icon\.tsx\s+\/icon\s+2\s+1\s+1\s+0/)
  })

  test('a dynamic route with no known params is listed as not covered, with what to do', async () => {
    const dir = project()
    rmSync(path.join(dir, 'imgmeta.config.ts'))
    const run = await runCli(['update'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/○ app\/docs\/\[topic\]\/twitter-image\.tsx/)
    expect(run.stdout).toContain('→ give the page generateStaticParams, or set params for this route in imgmeta.config.ts')
    expect(run.stdout).toContain('6 passed, 0 failed, 1 not covered')
  })
})

describe('usage and config errors exit with 2', () => {
  test('--help of each command lists its options and exits 0', async () => {
    const dir = project()
    for (const command of ['check', 'update', 'preview']) {
      const run = await runCli([command, '--help'], dir)
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Usage: imgmeta ${command} [options] [appDir]`)
    }
    const merge = await runCli(['merge-reports', '--help'], dir)
    expect(merge.stdout).toContain('Usage: imgmeta merge-reports [options] [dir]')
    const check = await runCli(['check', '--help'], dir)
    for (const flag of ['--next-version', '--renderer', '--shard', '--reporter', '--summary', '--report', '--config']) expect(check.stdout).toContain(flag)
    expect((await runCli(['update', '--help'], dir)).stdout).toContain('--prune')
    expect((await runCli(['preview', '--help'], dir)).stdout).toContain('--port')
  })

  test('bad flags, a missing app folder and a bad config are usage errors', async () => {
    const dir = project()
    const cases: [string[], string][] = [
      [['check', '--shard', '3/2'], '--shard must be <index>/<count> with 1 ≤ index ≤ count'],
      [['check', '--renderer', 'satori'], "option '--renderer <name>' argument 'satori' is invalid"],
      [['check', '--reporter', 'xml'], '--reporter must be terminal, junit[=file], json[=file], github or blob[=file]'],
      [['check', '--no-such-flag'], "unknown option '--no-such-flag'"],
      [['check', 'nowhere'], 'nowhere: no such folder'],
      [['frobnicate'], "unknown command 'frobnicate'"],
    ]
    for (const [args, message] of cases) {
      const run = await runCli(args, dir)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toContain(message)
    }
    writeFileSync(path.join(dir, 'imgmeta.config.ts'), "export default { appdir: 'app' }\n")
    const bad = await runCli(['check'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('imgmeta.config.ts: unknown option "appdir" (did you mean "appDir"?); known options are appDir,')
  })
})
