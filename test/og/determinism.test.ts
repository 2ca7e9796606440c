import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { render } from '../../og/index.js'
import { renderKey } from '../../og/render-key.js'
import { BENCH_CARD, corpusItem, corpusOptions } from '../fixtures/og-corpus/index.js'
import { TEST_TIMEOUT_MS } from '../helpers/timeouts.js'

const run = promisify(execFile)
const script = path.resolve(import.meta.dirname, '../fixtures/og-corpus/render-hashes.ts')
const NAMES = [BENCH_CARD, 'og-data-uri-png', 'icon-64-translucent-circle']

async function hashesFromProcess(): Promise<Record<string, string>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...NAMES], { cwd: path.resolve(import.meta.dirname, '../..') })
  return JSON.parse(stdout) as Record<string, string>
}

describe('imgmeta/og is deterministic', () => {
  it('gives byte-identical PNGs, and the same render keys, in two separate processes and in this one', async () => {
    const [first, second] = await Promise.all([hashesFromProcess(), hashesFromProcess()])
    expect(Object.keys(first)).toEqual(NAMES)
    expect(second).toEqual(first)
    for (const name of NAMES) {
      const item = corpusItem(name)
      const { png, svg, width, height } = await render(item.element(), corpusOptions(item))
      expect(`${createHash('sha256').update(png).digest('hex')} ${renderKey(svg, width, height)}`, name).toBe(first[name])
    }
  }, TEST_TIMEOUT_MS)
})
