// docs/ci.md's sharded workflow, run as a process on a fixture app: four `check --shard i/4 --reporter blob`
// runs, then `merge-reports`, compared with one unsharded check of the same app.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { copyFixture, REPO, runCli, type CliRun } from './cli-helpers.js'
import { timeoutOf } from '../helpers/timeouts.js'

const SNAPSHOT_DIR = '__image_snapshots__/routes'
const OG_ROUTE = 'app/blog/[slug]/opengraph-image.tsx'
const OBSOLETE = `${SNAPSHOT_DIR}/gone/opengraph-image/old.png`

/** A fourth route file, so that each of the four shards gets one. */
const APPLE_ICON = `import { ImageResponse } from 'next/og'

export const size = { width: 64, height: 64 }
export const contentType = 'image/png'

export default function AppleIcon() {
  return new ImageResponse(<div style={{ width: '100%', height: '100%', display: 'flex', background: '#14532d' }} />, size)
}
`

const REPORTERS = (out: string) => ['--reporter', `junit=${out}/junit.xml`, '--reporter', `json=${out}/results.json`, '--reporter', 'github', '--summary', `${out}/summary.md`, '--report', `${out}/report`]

let dir: string
let whole: CliRun
let shards: CliRun[]
let merged: CliRun

beforeAll(async () => {
  dir = copyFixture()
  writeFileSync(path.join(dir, 'app/apple-icon.tsx'), APPLE_ICON)
  expect((await runCli(['update'], dir)).code).toBe(0)
  // Four failing images (the blog card's two ids × two slugs) and one snapshot no route uses.
  const route = path.join(dir, OG_ROUTE)
  writeFileSync(route, readFileSync(route, 'utf8').replace('#fff7ed', '#fee2e2'))
  mkdirSync(path.dirname(path.join(dir, OBSOLETE)), { recursive: true })
  copyFileSync(path.join(dir, SNAPSHOT_DIR, 'icon/small.png'), path.join(dir, OBSOLETE))

  whole = await runCli(['check', ...REPORTERS('whole')], dir, { CI: '1' })
  shards = []
  for (let index = 1; index <= 4; index++) shards.push(await runCli(['check', '--shard', `${index}/4`, '--reporter', 'blob'], dir, { CI: '1' }))
  merged = await runCli(['merge-reports', ...REPORTERS('merged')], dir, { CI: '1' })
}, timeoutOf(3))

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const read = (file: string) => readFileSync(path.join(dir, file), 'utf8')

/** The end report's lines that do not depend on the order images finished in or on time. */
function reportLines(stdout: string): string[] {
  const start = stdout.indexOf('route file')
  return stdout
    .slice(start)
    .split('\n')
    .filter((line) => /^(app\/|Images|Snapshots|Obsolete|  - |imgmeta: (all|images))/.test(line))
}

/** `classname name failed?` of each JUnit test case, sorted. */
function junitCases(xml: string): string[] {
  return [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*>([\s\S]*?)<\/testcase>/g)]
    .map(([, classname, name, body]) => `${classname} ${name} ${body!.includes('<failure') ? 'failed' : 'passed'}`)
    .sort()
}

describe('imgmeta merge-reports over four shards', () => {
  test('each shard writes its blob, checks only its part and lists no obsolete snapshots', () => {
    shards.forEach((run, i) => {
      expect(run.stderr).toBe('')
      expect(run.stdout).toContain(`Blob       imgmeta-blob/shard-${i + 1}-of-4.json`)
      expect(run.stdout).toContain('Obsolete   not checked')
    })
    expect(readdirSync(path.join(dir, 'imgmeta-blob')).filter((f) => f.endsWith('.json')).sort()).toEqual([1, 2, 3, 4].map((i) => `shard-${i}-of-4.json`))
  })

  test('the merged terminal report is the unsharded one: routes, counts, findings, obsolete snapshots', () => {
    expect(whole.code).toBe(1)
    expect(merged.code).toBe(1)
    expect(merged.stderr).toBe('')
    expect(merged.stdout).toContain('imgmeta: merged 4 blob files')
    expect(reportLines(merged.stdout)).toEqual(reportLines(whole.stdout))
    expect(merged.stdout).toContain('Images     8 (4 passed, 4 failed, 0 not covered) in 4 routes')
    expect(merged.stdout).toContain(`  - ${OBSOLETE}`)
    expect(merged.stdout.match(/^✗ /gm)).toHaveLength(4)
  })

  test('JUnit, JSON, annotations and the summary say what the unsharded run says', () => {
    expect(junitCases(read('merged/junit.xml'))).toEqual(junitCases(read('whole/junit.xml')))
    expect(junitCases(read('merged/junit.xml')).filter((c) => c.endsWith(' failed'))).toHaveLength(4)

    type Json = { numTotalTests: number; numFailedTests: number; testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[] }
    const outcome = (json: Json) => ({
      total: json.numTotalTests,
      failed: json.numFailedTests,
      tests: json.testResults.flatMap((file) => file.assertionResults.map((a) => `${path.relative(dir, file.name)} ${a.fullName} ${a.status}`)).sort(),
    })
    expect(outcome(JSON.parse(read('merged/results.json')) as Json)).toEqual(outcome(JSON.parse(read('whole/results.json')) as Json))

    const annotations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::')).sort()
    expect(annotations(merged.stdout)).toHaveLength(4)
    expect(annotations(merged.stdout)).toEqual(annotations(whole.stdout))

    const summary = (text: string) => text.split('\n').filter((line) => line.startsWith('|') || line.startsWith('#') || line.startsWith('Obsolete')).sort()
    expect(summary(read('merged/summary.md'))).toEqual(summary(read('whole/summary.md')))
  })

  test('the HTML report shows expected, received and diff of every failure, from the blobs', () => {
    const html = read('merged/report/index.html')
    expect(html).toContain('<h1>imgmeta: 4 failing</h1>')
    expect(html.match(/<section class="finding failed">/g)).toHaveLength(4)
    const images = readdirSync(path.join(dir, 'merged/report/images')).sort()
    expect(images).toEqual(readdirSync(path.join(dir, 'whole/report/images')).sort())
    expect(images.filter((f) => f.endsWith('-received.png'))).toHaveLength(4)
    expect(images.filter((f) => f.endsWith('-diff.png'))).toHaveLength(4)
    expect(images.filter((f) => f.endsWith('-expected.png'))).toHaveLength(4)
  })

  test('with a shard missing, the report is incomplete: exit 1, the shard named, no obsolete verdict', async () => {
    const partial = path.join(dir, 'partial-blobs')
    mkdirSync(partial)
    for (const index of [1, 2, 4]) copyFileSync(path.join(dir, `imgmeta-blob/shard-${index}-of-4.json`), path.join(partial, `shard-${index}-of-4.json`))
    const run = await runCli(['merge-reports', 'partial-blobs'], dir, { CI: '1' })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('imgmeta: shard 3/4 reported nothing: the merged report is incomplete and lists no obsolete snapshots.')
    expect(run.stdout).toContain('Obsolete   not checked')
    expect(run.stdout).not.toContain(OBSOLETE)
    expect(existsSync(path.join(dir, OBSOLETE))).toBe(true)
  })

  test('docs/ci.md runs the shards and the merge with the commands this test runs', () => {
    const workflow = readFileSync(path.join(REPO, 'docs/ci.md'), 'utf8')
    expect(workflow).toContain('shard: [1, 2, 3, 4]')
    expect(workflow).toContain('run: npx imgmeta check --shard ${{ matrix.shard }}/4 --reporter blob')
    expect(workflow).toContain('path: imgmeta-blob/')
    expect(workflow).toMatch(/npx imgmeta merge-reports imgmeta-blob\n\s+--reporter github\n\s+--reporter junit=reports\/imgmeta-junit\.xml\n\s+--summary "\$GITHUB_STEP_SUMMARY"\n\s+--report reports\/imgmeta\n/)
  })

  test('no blobs, or blobs of two different splits, are usage errors naming the folder', async () => {
    mkdirSync(path.join(dir, 'empty'))
    const empty = await runCli(['merge-reports', 'empty'], dir)
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain(`merge-reports: no blob files in ${path.join(dir, 'empty')}; run each shard with \`imgmeta check --shard i/n --reporter blob\``)

    const mixed = path.join(dir, 'mixed')
    mkdirSync(mixed)
    copyFileSync(path.join(dir, 'imgmeta-blob/shard-1-of-4.json'), path.join(mixed, 'a.json'))
    const other = JSON.parse(read('imgmeta-blob/shard-2-of-4.json')) as { shard: { index: number; count: number } }
    other.shard = { index: 2, count: 3 }
    writeFileSync(path.join(mixed, 'b.json'), JSON.stringify(other))
    const run = await runCli(['merge-reports', 'mixed'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`merge-reports: the blobs in ${mixed} come from different splits (/4, /3)`)
  })
})
