import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { copyFixture, runCli } from './cli-helpers.js'

let dir: string | undefined
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('imgmeta check runs generateImageMetadata once per route and params set, and every image still passes', async () => {
  dir = copyFixture()
  const calls = path.join(dir, 'calls.txt')
  writeFileSync(calls, '')
  // The blog route has two param sets (generateStaticParams) and two ids each: four images.
  const route = path.join(dir, 'app/blog/[slug]/opengraph-image.tsx')
  const source = readFileSync(route, 'utf8')
  const counted = source.replace(
    /export (async )?function generateImageMetadata\(([^)]*)\) \{/,
    (head) => `import { appendFileSync } from 'node:fs'\n${head}\n  appendFileSync(${JSON.stringify(calls)}, JSON.stringify(arguments[0]?.params ?? null) + '\\n')`,
  )
  expect(counted).not.toBe(source)
  writeFileSync(route, counted)

  const run = await runCli(['update'], dir)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toMatch(/app\/blog\/\[slug\]\/opengraph-image\.tsx\s+\/blog\/\[slug\]\/opengraph-image\s+4\s+4\s+0\s+0/)
  // Once per params set, and once with the params: {} of next build 16's own call (the route copes with it).
  expect(readFileSync(calls, 'utf8').trim().split('\n').sort()).toEqual(['{"slug":"a"}', '{"slug":"b"}', '{}'])
})
