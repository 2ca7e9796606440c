import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { render } from '../../og/index.js'
import { MEASURED_RELEASES } from '../../og/releases.js'
import { renderKey } from '../../og/render-key.js'
import { BENCH_CARD, corpus, corpusItem, corpusOptions } from '../fixtures/og-corpus/index.js'
import { CHILD_TIMEOUT_MS } from '../helpers/vitest-project.js'

const run = promisify(execFile)
const script = path.resolve(import.meta.dirname, '../fixtures/og-corpus/render-hashes.ts')
const releases = Object.keys(MEASURED_RELEASES)

async function hashesFromProcess(): Promise<Record<string, string>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  })
  return JSON.parse(stdout) as Record<string, string>
}

describe('imgmeta/og is deterministic', () => {
  it('gives byte-identical PNGs, and the same render keys, for every card and release in two separate processes', async () => {
    const [first, second] = await Promise.all([hashesFromProcess(), hashesFromProcess()])
    expect(Object.keys(first)).toHaveLength(corpus.length * releases.length)
    expect(second).toEqual(first)
    // Refusals are next/og's (14.2.35 throws on repeating gradients), the same in both processes; the rest drew.
    expect(Object.values(first).filter((value) => value.startsWith('refused')).length).toBeLessThan(releases.length)
    // And the same bytes in this process, which has loaded other satori versions in another order.
    for (const release of releases) {
      const item = corpusItem(BENCH_CARD)
      const { png, svg, width, height } = await render(item.element(), { ...corpusOptions(item), nextRelease: release })
      expect(`${createHash('sha256').update(png).digest('hex')} ${renderKey(svg, width, height)}`, release).toBe(first[`${release} ${BENCH_CARD}`])
    }
  }, 2 * CHILD_TIMEOUT_MS)
})
