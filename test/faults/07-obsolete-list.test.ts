// Item 7: the obsolete list named the snapshots of routes that had just failed or were not covered.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { faultProject, runCli } from './fault-project.js'

describe('7. the obsolete list leaves out routes that failed or were not covered', () => {
  test('7. a route that fails and a route without params keep their snapshots off the obsolete list', async () => {
    const dir = faultProject()
    expect((await runCli(['update'], dir)).code).toBe(0)
    const og = path.join(dir, 'app/blog/[slug]/opengraph-image.tsx')
    writeFileSync(og, readFileSync(og, 'utf8').replace(/(export function generateImageMetadata\([^)]*\) \{)/, '$1\n  throw new Error("cms down")'))
    // Without the config, app/docs/[topic] has no params: not covered.
    rmSync(path.join(dir, 'imgmeta.config.ts'))

    const run = await runCli(['check'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('cms down')
    expect(run.stdout).toContain('1 not covered')
    expect(run.stdout).not.toContain('Obsolete')
    expect(run.stdout).not.toContain('imgmeta update --prune')
  })
})
