import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, it } from 'vitest'
import { compareImages, diffComposite, type CompareOptions } from '../../matchers/diff.js'
import { cardPixels, cardPng, encodeWithPngjs, solidPng, type Block } from './images.js'

// jest-image-snapshot's in-process comparison, to check that counts and ratios agree with it.
const require = createRequire(import.meta.url)
const { diffImageToSnapshot } = require('jest-image-snapshot/src/diff-snapshot') as {
  diffImageToSnapshot(options: Record<string, unknown>): {
    pass?: boolean
    added?: boolean
    diffPixelCount?: number
    diffRatio?: number
    diffOutputPath?: string
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'imgmeta-diff-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

function jestImageSnapshot(received: Buffer, reference: Buffer, options: Record<string, unknown>) {
  const snapshotIdentifier = `case-${++n}`
  const common = {
    snapshotsDir: dir,
    snapshotIdentifier,
    diffDirection: 'horizontal',
    failureThreshold: 0,
    failureThresholdType: 'pixel',
    ...options,
  }
  diffImageToSnapshot({ ...common, receivedImageBuffer: reference })
  return diffImageToSnapshot({ ...common, receivedImageBuffer: received })
}

const labels = { referenceLabel: 'ref', receivedLabel: 'rec' }
const BLOCK: Block = { x: 30, y: 20, width: 15, height: 7, color: [250, 30, 30, 255] }
const FAINT: Block = { x: 60, y: 40, width: 20, height: 10, color: [120, 120, 170, 255] }
const MEDIUM: Block = { x: 5, y: 5, width: 100, height: 50, color: [150, 100, 180, 255] }

const CASES: Array<{ name: string; received: Buffer; reference: Buffer; options: Partial<CompareOptions> }> = [
  { name: 'a red block', received: cardPng(120, 63, [BLOCK]), reference: cardPng(), options: {} },
  { name: 'a faint block', received: cardPng(120, 63, [FAINT]), reference: cardPng(), options: {} },
  {
    name: 'a medium block, threshold 0.2',
    received: cardPng(120, 63, [MEDIUM]),
    reference: cardPng(),
    options: { customDiffConfig: { threshold: 0.2 } },
  },
  {
    name: 'anti-aliasing counted',
    received: cardPng(120, 63, [FAINT, BLOCK]),
    reference: cardPng(),
    options: { customDiffConfig: { includeAA: true } },
  },
  { name: 'blur 2', received: cardPng(120, 63, [BLOCK]), reference: cardPng(), options: { blur: 2 } },
  {
    name: 'percent threshold',
    received: cardPng(120, 63, [BLOCK]),
    reference: cardPng(),
    options: { failureThreshold: 0.05, failureThresholdType: 'percent' },
  },
]

describe('compareImages agrees with jest-image-snapshot', () => {
  it.each(CASES)('$name', ({ received, reference, options }) => {
    const ours = compareImages(received, reference, { ...labels, ...options })
    const theirs = jestImageSnapshot(received, reference, options)
    expect(ours.diffPixelCount).toBeGreaterThan(0)
    expect(ours.diffPixelCount).toBe(theirs.diffPixelCount)
    expect(ours.diffRatio).toBe(theirs.diffRatio)
    expect(ours.pass).toBe(theirs.pass ?? false)
  })

  it('the composite has the same pixels as jest-image-snapshot’s', () => {
    const received = cardPng(120, 63, [BLOCK])
    const ours = compareImages(received, cardPng(), labels)
    const theirs = jestImageSnapshot(received, cardPng(), {})
    const mine = PNG.sync.read(diffComposite(ours.images!))
    const jis = PNG.sync.read(readFileSync(theirs.diffOutputPath!))
    expect([mine.width, mine.height]).toEqual([jis.width, jis.height])
    expect(mine.data.equals(jis.data)).toBe(true)
  })
})

describe('compareImages', () => {
  it('equal bytes pass without decoding', () => {
    const png = cardPng()
    const result = compareImages(png, Buffer.from(png), labels)
    expect(result).toMatchObject({ pass: true, identical: true, diffPixelCount: 0, reference: { width: 120, height: 63 } })
    expect(result.images).toBeUndefined()
  })

  it('different bytes with the same pixels pass', () => {
    const pixels = cardPixels(120, 63)
    const result = compareImages(encodeWithPngjs(pixels, 120, 63, { filterType: 0 }), encodeWithPngjs(pixels, 120, 63), labels)
    expect(result).toMatchObject({ pass: true, identical: false, diffPixelCount: 0 })
  })

  it('a size mismatch fails even with no differing pixels, unless allowSizeMismatch', () => {
    const small = solidPng(10, 10, [0, 0, 0, 0])
    const large = solidPng(12, 12, [0, 0, 0, 0])
    const strict = compareImages(large, small, labels)
    expect(strict).toMatchObject({ pass: false, sizeMismatch: true, reference: { width: 10 }, received: { width: 12 } })
    const loose = compareImages(large, small, { ...labels, allowSizeMismatch: true, failureThreshold: 44 })
    expect(loose.pass).toBe(true)
  })

  it('composite layouts: horizontal, vertical, diff only', () => {
    const result = compareImages(cardPng(120, 63, [BLOCK]), cardPng(), labels)
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)]
    expect(size(diffComposite(result.images!))).toEqual([360, 63])
    expect(size(diffComposite(result.images!, { diffDirection: 'vertical' }))).toEqual([120, 189])
    expect(size(diffComposite(result.images!, { onlyDiff: true }))).toEqual([120, 63])
  })
})
