import type { RunnerTestCase, RunnerTestFile, RunnerTestSuite } from 'vitest'
import type { TestModule } from 'vitest/node'
import { describe, expect, test } from 'vitest'
import { regroupByRouteFile } from '../../cli/route-file-reports.js'
import { groupRoutes, shardRoutes } from '../../cli/run-vitest.js'

describe('shardRoutes', () => {
  test('every route lands in exactly one shard, in order, shards differing in size by one at most', () => {
    const routes = Array.from({ length: 7 }, (_, i) => `r${i}`)
    const shards = [1, 2, 3].map((index) => shardRoutes(routes, { index, count: 3 }))
    expect(shards).toEqual([['r0', 'r1'], ['r2', 'r3'], ['r4', 'r5', 'r6']])
    expect(shardRoutes(['only'], { index: 2, count: 3 })).toEqual([])
    expect([1, 2, 3].flatMap((index) => shardRoutes(['only'], { index, count: 3 }))).toEqual(['only'])
  })
})

describe('groupRoutes', () => {
  test('deals routes round-robin into at most count non-empty groups', () => {
    expect(groupRoutes(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'c', 'e'], ['b', 'd']])
    expect(groupRoutes(['a', 'b'], 4)).toEqual([['a'], ['b']])
    expect(groupRoutes([], 4)).toEqual([])
  })
})

/** A generated test file as vitest's reporters see it: one describe block holding tests of several routes. */
function generatedFile(tests: { name: string; route: string; state: 'pass' | 'fail'; duration: number }[]): RunnerTestFile {
  const file = { type: 'suite', name: 'routes-1-of-1.imgmeta.test.js', filepath: '/tmp/routes-1-of-1.imgmeta.test.js', tasks: [], result: { state: 'fail', duration: 99 } } as unknown as RunnerTestFile
  file.file = file
  const suite = { type: 'suite', name: 'image routes', file, suite: file, tasks: [] } as unknown as RunnerTestSuite
  file.tasks.push(suite)
  for (const t of tests) {
    suite.tasks.push({ type: 'test', name: t.name, file, suite, meta: { imgmeta: { file: t.route } }, result: { state: t.state, duration: t.duration } } as unknown as RunnerTestCase)
  }
  return file
}

describe('regroupByRouteFile', () => {
  test('gives each route file its own module, with its tests, suites, state and duration', () => {
    const file = generatedFile([
      { name: '/icon/small', route: '/app/app/icon.tsx', state: 'pass', duration: 5 },
      { name: '/blog/a/opengraph-image/wide', route: '/app/app/blog/[slug]/opengraph-image.tsx', state: 'fail', duration: 7 },
      { name: '/icon/medium', route: '/app/app/icon.tsx', state: 'pass', duration: 6 },
    ])
    const modules = regroupByRouteFile([{ task: file } as unknown as TestModule], (t) => (t.meta as { imgmeta: { file: string } }).imgmeta.file)
    const files = modules.map((m) => (m as unknown as { task: RunnerTestFile }).task)
    expect(files.map((f) => f.filepath)).toEqual(['/app/app/blog/[slug]/opengraph-image.tsx', '/app/app/icon.tsx'])
    expect(files.map((f) => [f.result?.state, f.result?.duration])).toEqual([['fail', 7], ['pass', 11]])
    const icon = files[1]!
    const suite = icon.tasks[0] as RunnerTestSuite
    expect(suite.name).toBe('image routes')
    expect(suite.tasks.map((t) => t.name)).toEqual(['/icon/small', '/icon/medium'])
    // Parent links point into the copy, so reporters that walk them see the route file, not the generated one.
    expect(suite.tasks.every((t) => t.file === icon && t.suite === suite)).toBe(true)
    expect(suite.suite).toBe(icon)
    // The generated file is left as it was.
    expect((file.tasks[0] as RunnerTestSuite).tasks).toHaveLength(3)
  })

  test('a test file with an error of its own, or tests of no route, is kept as it is besides', () => {
    const file = generatedFile([{ name: '/icon/small', route: '/app/app/icon.tsx', state: 'pass', duration: 5 }])
    file.result = { state: 'fail', errors: [{ message: 'worker crashed' }] } as RunnerTestFile['result']
    const modules = regroupByRouteFile([{ task: file } as unknown as TestModule], (t) => (t.meta as { imgmeta: { file: string } }).imgmeta.file)
    const files = modules.map((m) => (m as unknown as { task: RunnerTestFile }).task)
    expect(files.map((f) => f.filepath)).toEqual(['/app/app/icon.tsx', '/tmp/routes-1-of-1.imgmeta.test.js'])
    expect(files[0]!.result?.errors).toBeUndefined()
  })
})
