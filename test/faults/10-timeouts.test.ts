// Item 10: on a loaded 2-core machine a CLI test hit its 30 s timeout. Timeouts now derive from one constant.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import config from '../../vitest.config.js'
import { TEST_TIMEOUT_MS } from '../helpers/timeouts.js'
import { REPO } from './fault-project.js'

/** Test sources of the vitest suite (test/next is a separate harness with its own process timeouts). */
function testSources(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!['fixtures', 'next', 'golden', 'node_modules'].includes(entry.name)) walk(full)
      } else if (/\.(ts|tsx)$/.test(entry.name)) out.push(full)
    }
  }
  walk(path.join(REPO, 'test'))
  return out
}

/** A timeout written as a number of milliseconds: a test or hook closed by a count such as 60_000, or a timeout option. */
const MILLISECONDS = String.raw`(?:\d{1,3}_\d{3}|\d{4,})`
const LITERAL_TIMEOUT = new RegExp(String.raw`\},\s*${MILLISECONDS}\s*\)|[tT]imeout:\s*${MILLISECONDS}|TIMEOUT_MS\s*=\s*${MILLISECONDS}`)

describe('10. the suite does not depend on wall-clock speed', () => {
  test('10. vitest.config.ts takes its test and hook timeouts from TEST_TIMEOUT_MS, generous for a loaded machine', () => {
    const settings = (config as { test: { testTimeout: number; hookTimeout: number } }).test
    expect(settings.testTimeout).toBe(TEST_TIMEOUT_MS)
    expect(settings.hookTimeout).toBeGreaterThanOrEqual(TEST_TIMEOUT_MS)
    // A check of seven images runs in about 5 s on an idle machine: the limit leaves room for a 30-fold slowdown.
    expect(TEST_TIMEOUT_MS).toBeGreaterThanOrEqual(150_000)
  })

  test('10. no test file writes a timeout as a number of its own', () => {
    const offenders = testSources().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        // The one constant itself is the exception.
        .filter(({ line }) => LITERAL_TIMEOUT.test(line) && !line.startsWith('export const TEST_TIMEOUT_MS'))
        .map(({ index }) => `${path.relative(REPO, file)}:${index + 1}`),
    )
    expect(offenders).toEqual([])
  })
})
