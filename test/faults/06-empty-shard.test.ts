// Item 6: a shard with no route files crashed with "No test files found" and a stack trace (exit 2).
import { describe, expect, test } from 'vitest'
import { faultProject, runCli } from './fault-project.js'

describe('6. an empty shard passes', () => {
  test('6. check --shard 1/5 with three route files exits 0 with a one-line note and no stack trace', async () => {
    const dir = faultProject()
    const run = await runCli(['check', '--shard', '1/5'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Note       shard 1/5 has no route files (3 in all): nothing to check')
    expect(run.stdout).toContain('imgmeta: all images pass')
    expect(run.stderr).toBe('')
  })

  test('6. an app with no image routes passes with a note, not a stack trace', async () => {
    const dir = faultProject()
    const empty = await runCli(['check', '--root', '.', 'lib'], dir)
    expect(empty.stderr).not.toMatch(/\n\s+at /)
    expect(empty.code).toBe(0)
    expect(empty.stdout).toContain('Note       no image routes under lib/: nothing to check')
  })
})
