// Item 2: with no snapshot yet, toMatchImageSnapshot wrote whatever bytes it received, valid PNG or not.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { createHarness, type Harness } from '../matchers/harness.js'
import { cardPng } from '../matchers/images.js'
import { brokenPngs } from './broken-pngs.js'

let h: Harness | undefined
afterEach(() => h?.cleanup())

const REFERENCE = 'cards-test-ts-renders-the-card-1-snap.png'

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : []
}

describe('2. a broken image never becomes the reference', () => {
  for (const [kind, bytes] of Object.entries(brokenPngs())) {
    test(`2. a received PNG that is ${kind} fails with the reason and writes nothing, with or without -u`, async () => {
      for (const mode of ['new', 'all'] as const) {
        h?.cleanup()
        h = createHarness(mode)
        const error = (await h.run(bytes).catch((e: unknown) => e)) as Error & { code?: string }
        expect(error, `${kind} (${mode})`).toBeInstanceOf(Error)
        expect(['invalid-image', 'image-too-large']).toContain(error.code)
        expect(error.message).toContain('The received image of toMatchImageSnapshot in "renders the card"')
        expect(error.message).toContain('No snapshot was written or compared.')
        expect(filesIn(h.snapshotsDir)).toEqual([])
      }
    })
  }

  test('2. an 8-byte reference is reported as truncated (no RangeError) and repaired by -u', async () => {
    h = createHarness('new')
    mkdirSync(h.snapshotsDir, { recursive: true })
    const reference = path.join(h.snapshotsDir, REFERENCE)
    const eight = brokenPngs()['signature only']!
    writeFileSync(reference, eight)

    const sameBytes = (await h.run(eight).catch((e: unknown) => e)) as Error & { code?: string }
    expect(sameBytes.name).not.toBe('RangeError')
    expect(sameBytes.code).toBe('invalid-image')

    const valid = (await h.again(cardPng()).catch((e: unknown) => e)) as Error & { code?: string }
    expect(valid.name).not.toBe('RangeError')
    expect(valid.message).toMatch(/is a truncated PNG \(8 bytes\)/)
    expect(valid.message).toContain('-u to replace it')
    expect(readFileSync(reference).equals(eight)).toBe(true)

    h.setMode('all')
    expect((await h.run(cardPng())).pass).toBe(true)
    expect(readFileSync(reference).equals(cardPng())).toBe(true)
  })
})
