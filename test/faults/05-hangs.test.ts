// Item 5: a body that never ends, a promise that never settles and a synchronous loop each hung a command.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { renderImageRoute } from '../../src/handler.js'
import type { ImgmetaError } from '../../src/errors.js'
import { TEST_TIMEOUT_MS, timeoutOf } from '../helpers/timeouts.js'
import { faultProject, listFiles, runCli, SNAPSHOT_DIR, writeProjectFile } from './fault-project.js'
import { startPreview } from './preview-process.js'

/** A route whose image function answers at once with a PNG response whose body never ends. */
const ENDLESS_BODY_ROUTE = `
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default function Image() {
  return new Response(new ReadableStream({ start() {} }), { headers: { 'content-type': 'image/png' } })
}
`

/** A route whose image function never settles. */
const NEVER_SETTLES_ROUTE = `
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default function Image() {
  return new Promise(() => {})
}
`

/** A route that takes 6 s, longer than vitest's own 5 s default test timeout, shorter than imgmeta's 10 s. */
const SLOW_ROUTE = `
import { ImageResponse } from 'next/og'
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default async function Image() {
  await new Promise((resolve) => setTimeout(resolve, 6000))
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#123' }} />, size)
}
`

/** A route that blocks its thread for good. */
const SYNC_LOOP_ROUTE = `
import { ImageResponse } from 'next/og'
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default function Image() {
  for (;;) {}
  return new ImageResponse(<div style={{ display: 'flex' }} />, size)
}
`

/** A route whose module blocks its thread while it loads. */
const TOP_LEVEL_LOOP_ROUTE = `
import { ImageResponse } from 'next/og'
for (;;) {}
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default function Image() {
  return new ImageResponse(<div style={{ display: 'flex' }} />, size)
}
`

/** A small icon route that renders. */
const EXTRA_ICON_ROUTE = `
import { ImageResponse } from 'next/og'
export const size = { width: 32, height: 32 }
export const contentType = 'image/png'
export default function Icon() {
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#0a0' }} />, size)
}
`

describe('5. hangs: every image is bounded by its deadline', () => {
  test('5. renderImageRoute with timeoutMs 1000 rejects a body that never ends as a timeout naming route and id', async () => {
    const mod = {
      generateImageMetadata: () => [{ id: 'a', size: { width: 10, height: 10 }, contentType: 'image/png' }],
      default: () => new Response(new ReadableStream({ start() {} }), { headers: { 'content-type': 'image/png' } }),
    }
    const started = performance.now()
    const error = (await renderImageRoute(mod, { file: '/project/app/hang/icon.tsx', id: 'a', timeoutMs: 1000 }).catch((e: unknown) => e)) as ImgmetaError
    expect(error.code).toBe('timeout')
    expect(error.message).toContain('/project/app/hang/icon.tsx (route /hang/icon, id "a"): the response body did not end within 1000 ms')
    // An upper bound far above the deadline: it settles, it does not wait for the body.
    expect(performance.now() - started).toBeLessThan(TEST_TIMEOUT_MS / 4)
  })

  test('5. update: a route slower than vitest\'s 5 s default passes, because vitest\'s timeouts follow the per-image deadline', async () => {
    const dir = faultProject()
    writeProjectFile(dir, 'app/slow/opengraph-image.tsx', SLOW_ROUTE)
    // A generous deadline: the route's 6 s must not race it on a loaded machine.
    const run = await runCli(['update', '--timeout', '30000'], dir)
    expect(run.code).toBe(0)
    expect(existsSync(path.join(dir, SNAPSHOT_DIR, 'slow/opengraph-image.png'))).toBe(true)
    expect(run.stdout).toMatch(/app\/slow\/opengraph-image\.tsx\s+\/slow\/opengraph-image\s+1\s+1\s+0\s+0/)
  })

  test('5. update: a synchronous for (;;) {} is stopped at the hard deadline and a promise that never settles times out; both named, no snapshot, exit 1; the JUnit and JSON reports hold every image of the run, the killed one a timed-out failure', async () => {
    const dir = faultProject()
    writeProjectFile(dir, 'app/spin/opengraph-image.tsx', SYNC_LOOP_ROUTE)
    writeProjectFile(dir, 'app/never/opengraph-image.tsx', NEVER_SETTLES_ROUTE)
    const run = await runCli(['update', '--timeout', '500', '--reporter', 'terminal', '--reporter', 'junit=reports/junit.xml', '--reporter', 'json=reports/results.json'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('app/spin/opengraph-image.tsx (route /spin/opengraph-image) timed out: it blocked its thread past the deadline (500 ms a step')
    expect(run.stdout).toContain('route /never/opengraph-image: the default export did not settle within 500 ms; make it resolve')
    expect(run.stdout).toContain('✗ app/never/opengraph-image.tsx  /never/opengraph-image')
    expect(run.stdout).toContain('Images     9 (7 passed, 2 failed, 0 not covered) in 5 routes')
    const written = listFiles(path.join(dir, SNAPSHOT_DIR))
    expect(written).toHaveLength(7)
    expect(written.some((file) => file.startsWith('spin/') || file.startsWith('never/'))).toBe(false)
    // The killed fork's vitest run and the run after it are one report: nine test cases, two failures.
    const junit = readFileSync(path.join(dir, 'reports/junit.xml'), 'utf8')
    expect(junit).toMatch(/<testsuites name="imgmeta" tests="9" failures="2"/)
    expect(junit.match(/<testcase /g)).toHaveLength(9)
    expect(junit).toContain('<testcase classname="app/spin/opengraph-image.tsx" name="image routes &gt; /spin/opengraph-image"')
    expect(junit).toContain('<failure message="app/spin/opengraph-image.tsx (route /spin/opengraph-image) timed out: it blocked its thread past the deadline')
    const json = JSON.parse(readFileSync(path.join(dir, 'reports/results.json'), 'utf8')) as {
      numTotalTests: number
      numFailedTests: number
      testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[]
    }
    expect(json.numTotalTests).toBe(9)
    expect(json.numFailedTests).toBe(2)
    const spin = json.testResults.flatMap((suite) => suite.assertionResults).find((test) => test.title === '/spin/opengraph-image')
    expect(spin?.status).toBe('failed')
    expect(spin?.failureMessages[0]).toContain('timed out: it blocked its thread past the deadline (500 ms a step')
  })

  test('5. update: a synchronous loop at a route module\'s top level, loading beside another module, is stopped and named as that route\'s timeout', async () => {
    const dir = faultProject()
    writeProjectFile(dir, 'app/top/opengraph-image.tsx', TOP_LEVEL_LOOP_ROUTE)
    for (const n of [1, 2, 3, 4]) writeProjectFile(dir, `app/extra-${n}/icon.tsx`, EXTRA_ICON_ROUTE)
    // One worker and eight route files: the generated test files hold two routes each, whose modules load at once.
    const run = await runCli(['update', '--timeout', '500'], dir, { VITEST_MAX_WORKERS: '1' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'app/top/opengraph-image.tsx (route /top/opengraph-image) timed out while loading its module: it blocked its thread past the deadline (500 ms a step',
    )
    // Only that route: the module loading beside it is not blamed, and every other image is written.
    expect(run.stdout.match(/timed out/g)).toHaveLength(1)
    const written = listFiles(path.join(dir, SNAPSHOT_DIR))
    expect(written).toHaveLength(11)
    expect(written.some((file) => file.startsWith('top/'))).toBe(false)
  }, timeoutOf(2))

  test('5. preview starts listening and answers while a route body never ends; the image shows the timeout', async () => {
    const dir = faultProject()
    writeProjectFile(dir, 'app/endless/opengraph-image.tsx', ENDLESS_BODY_ROUTE)
    const preview = await startPreview(dir)
    try {
      const gallery = (await (await fetch(new URL('gallery.json', preview.url))).json()) as { images: { file: string; error?: string }[] }
      const endless = gallery.images.find((image) => image.file.includes('endless'))
      expect(endless?.error).toContain('the response body did not end within 10000 ms')
      expect(gallery.images.filter((image) => !image.error).length).toBe(7)
    } finally {
      preview.child.kill('SIGINT')
    }
  })
})
