import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterEach, describe, expect, it } from 'vitest'
import { ImgmetaError } from '../../src/errors.js'
import { createHarness, type Harness } from './harness.js'
import { cardPng, pngWithHeader, solidPng, type Block } from './images.js'

const RED_BLOCK: Block = { x: 10, y: 10, width: 6, height: 2, color: [255, 0, 0, 255] }
const NAME = 'cards-test-ts-renders-the-card-1-snap'

let h: Harness
afterEach(() => h?.cleanup())

function reference(): string {
  return path.join(h.snapshotsDir, `${NAME}.png`)
}
function diffPath(): string {
  return path.join(h.snapshotsDir, '__diff_output__', `${NAME}-diff.png`)
}
function counts() {
  const s = h.state
  return { added: s.added.total(), matched: s.matched.total(), unmatched: s.unmatched.total(), updated: s.updated.total() }
}
async function seed(png = cardPng()): Promise<void> {
  h.setMode('new')
  await h.run(png)
  h.setMode('new')
}

describe('toMatchImageSnapshot: writing and matching', () => {
  it('writes a missing snapshot under __image_snapshots__ with jest-image-snapshot’s name and counts it as added', async () => {
    h = createHarness('new')
    const png = cardPng()
    const result = await h.run(png)
    expect(result.pass).toBe(true)
    expect(readdirSync(h.snapshotsDir)).toEqual([`${NAME}.png`])
    expect(readFileSync(reference()).equals(png)).toBe(true)
    expect(counts()).toEqual({ added: 1, matched: 0, unmatched: 0, updated: 0 })
  })

  it('numbers several assertions in one test -1-snap, -2-snap', async () => {
    h = createHarness('new')
    await h.run(cardPng())
    await h.run(solidPng(4, 4, [0, 0, 0, 255]))
    expect(readdirSync(h.snapshotsDir).sort()).toEqual([`${NAME}.png`, 'cards-test-ts-renders-the-card-2-snap.png'])
  })

  it('refuses a received header claiming 100000×100000, even when the reference holds the same bytes', async () => {
    h = createHarness('new')
    const huge = pngWithHeader(100_000, 100_000)
    mkdirSync(h.snapshotsDir, { recursive: true })
    writeFileSync(reference(), huge)
    const error = (await h.run(huge).catch((e: unknown) => e)) as ImgmetaError
    expect(error.code).toBe('image-too-large')
    expect(counts()).toEqual({ added: 0, matched: 0, unmatched: 1, updated: 0 })
  })

  it('matches a re-encoded image with the same pixels', async () => {
    h = createHarness('new')
    await seed()
    const pixels = PNG.sync.read(cardPng())
    const reencoded = PNG.sync.write(pixels, { filterType: 4, deflateLevel: 1 })
    expect(reencoded.equals(cardPng())).toBe(false)
    expect((await h.run(reencoded)).pass).toBe(true)
    expect(counts().matched).toBe(1)
  })

  it('a retried test compares against the same file as its first try', async () => {
    h = createHarness('new')
    await seed()
    h.state.clearTest(h.task.id) // what vitest does before each attempt
    h.task.result.retryCount = 1
    const changed = cardPng(120, 63, [RED_BLOCK])
    const result = await h.run(changed)
    expect(result.pass).toBe(false)
    expect(existsSync(path.join(h.snapshotsDir, 'cards-test-ts-renders-the-card-2-snap.png'))).toBe(false)
    h.state.clearTest(h.task.id)
    h.task.result.retryCount = 2
    expect((await h.run(cardPng())).pass).toBe(true)
    expect(readdirSync(h.snapshotsDir).filter((f) => f.endsWith('.png'))).toEqual([`${NAME}.png`])
  })

  it('records the touched snapshot in task.meta for the obsolete-snapshot reporter', async () => {
    h = createHarness('new')
    await h.run(cardPng())
    expect(h.task.meta.imgmetaImageSnapshots).toEqual({ dirs: [h.snapshotsDir], files: [reference()] })
  })
})

describe('toMatchImageSnapshot: failures', () => {
  it('fails on a changed image with count, percentage and paths, writes the composite, keeps the reference', async () => {
    h = createHarness('new')
    await seed()
    const changed = cardPng(120, 63, [RED_BLOCK])
    const result = await h.run(changed)
    expect(result.pass).toBe(false)
    const message = result.message()
    expect(message).toContain('but was 0.16% different from snapshot (12 differing pixels of 7560)')
    expect(message).toContain(`Snapshot: ${reference()}`)
    expect(message).toContain(`See diff for details: ${diffPath()}`)
    expect(readFileSync(reference()).equals(cardPng())).toBe(true)
    const composite = PNG.sync.read(readFileSync(diffPath()))
    expect([composite.width, composite.height]).toEqual([360, 63])
    // Left third is the reference, right third the received image.
    const left = PNG.sync.read(cardPng())
    const px = (img: PNG, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)]
    expect(px(composite, 12, 11)).toEqual(px(left, 12, 11))
    expect(px(composite, 240 + 12, 11)).toEqual([255, 0, 0, 255])
    expect(counts()).toEqual({ added: 0, matched: 0, unmatched: 1, updated: 0 })
  })

  it('lays the composite out vertically, or as the diff alone', async () => {
    h = createHarness('new')
    await seed()
    const changed = cardPng(120, 63, [RED_BLOCK])
    await h.run(changed, { diffDirection: 'vertical' })
    let composite = PNG.sync.read(readFileSync(diffPath()))
    expect([composite.width, composite.height]).toEqual([120, 189])
    h.state.clearTest(h.task.id)
    await h.run(changed, { onlyDiff: true })
    composite = PNG.sync.read(readFileSync(diffPath()))
    expect([composite.width, composite.height]).toEqual([120, 63])
  })

  it('stores the received image when asked, in customReceivedDir with customReceivedPostfix', async () => {
    h = createHarness('new')
    await seed()
    const changed = cardPng(120, 63, [RED_BLOCK])
    const result = await h.run(changed, { storeReceivedOnFailure: true })
    const received = path.join(h.snapshotsDir, '__received_output__', `${NAME}-received.png`)
    expect(readFileSync(received).equals(changed)).toBe(true)
    expect(result.message()).toContain(`Received: ${received}`)
    h.state.clearTest(h.task.id)
    const custom = path.join(h.dir, 'out')
    await h.run(changed, { storeReceivedOnFailure: true, customReceivedDir: custom, customReceivedPostfix: '-new' })
    expect(readFileSync(path.join(custom, `${NAME}-new.png`)).equals(changed)).toBe(true)
  })

  it('writes the diff to customDiffDir', async () => {
    h = createHarness('new')
    await seed()
    const custom = path.join(h.dir, 'diffs')
    await h.run(cardPng(120, 63, [RED_BLOCK]), { customDiffDir: custom })
    expect(readdirSync(custom)).toEqual([`${NAME}-diff.png`])
  })

  it('removes the stale diff and received files once the snapshot passes again', async () => {
    h = createHarness('new')
    await seed()
    await h.run(cardPng(120, 63, [RED_BLOCK]), { storeReceivedOnFailure: true })
    expect(existsSync(diffPath())).toBe(true)
    h.state.clearTest(h.task.id)
    expect((await h.run(cardPng())).pass).toBe(true)
    expect(existsSync(diffPath())).toBe(false)
    expect(existsSync(path.join(h.snapshotsDir, '__received_output__', `${NAME}-received.png`))).toBe(false)
  })

  it('passes within failureThreshold in pixels or as a ratio', async () => {
    h = createHarness('new')
    await seed()
    const changed = cardPng(120, 63, [RED_BLOCK])
    expect((await h.again(changed, { failureThreshold: 12 })).pass).toBe(true)
    expect((await h.again(changed, { failureThreshold: 11 })).pass).toBe(false)
    expect((await h.again(changed, { failureThreshold: 0.002, failureThresholdType: 'percent' })).pass).toBe(true)
    expect((await h.again(changed, { failureThreshold: 0.001, failureThresholdType: 'percent' })).pass).toBe(false)
  })

  it('customDiffConfig.threshold changes what counts as different (default 0.01)', async () => {
    h = createHarness('new')
    await seed(solidPng(10, 10, [100, 100, 100, 255]))
    const slightly = solidPng(10, 10, [104, 104, 104, 255])
    expect((await h.again(slightly)).pass).toBe(false)
    expect((await h.again(slightly, { customDiffConfig: { threshold: 0.1 } })).pass).toBe(true)
  })

  it('reports both sizes on a size mismatch; allowSizeMismatch compares the overlap instead', async () => {
    h = createHarness('new')
    await seed(solidPng(10, 10, [0, 0, 255, 255]))
    const bigger = solidPng(12, 10, [0, 0, 255, 255])
    const result = await h.run(bigger)
    expect(result.pass).toBe(false)
    expect(result.message()).toContain(
      'Expected image to be the same size as the snapshot (10x10), but was different (12x10); 20 pixels (16.67%) differ',
    )
    expect((await h.again(bigger, { allowSizeMismatch: true })).pass).toBe(false)
    expect((await h.again(bigger, { allowSizeMismatch: true, failureThreshold: 20 })).pass).toBe(true)
  })

  it('blur hides a one-pixel difference', async () => {
    h = createHarness('new')
    const base = Buffer.alloc(40 * 40 * 4, 200)
    await seed(encode(base, 40))
    const changed = Buffer.from(base)
    changed.set([190, 190, 190, 200], (20 * 40 + 20) * 4)
    expect((await h.again(encode(changed, 40))).pass).toBe(false)
    expect((await h.again(encode(changed, 40), { blur: 2 })).pass).toBe(true)
  })

  it('appends the composite as a data URL with dumpDiffToConsole', async () => {
    h = createHarness('new')
    await seed()
    const result = await h.run(cardPng(120, 63, [RED_BLOCK]), { dumpDiffToConsole: true })
    expect(result.message()).toMatch(/data:image\/png;base64,iVBORw0KGgo/)
  })
})

function encode(data: Buffer, width: number): Buffer {
  const png = new PNG({ width, height: data.length / 4 / width })
  png.data = data
  return PNG.sync.write(png)
}

describe('toMatchImageSnapshot: update modes', () => {
  it('on CI (mode none) a missing snapshot fails and is not written', async () => {
    h = createHarness('none')
    const result = await h.run(cardPng())
    expect(result.pass).toBe(false)
    expect(result.message()).toContain('New snapshot was not written. The update flag must be explicitly passed')
    expect(result.message()).toContain(reference())
    expect(existsSync(h.snapshotsDir)).toBe(false)
    expect(counts().unmatched).toBe(1)
  })

  it('on CI an existing snapshot is compared as usual', async () => {
    h = createHarness('new')
    await seed()
    h.setMode('none')
    expect((await h.run(cardPng())).pass).toBe(true)
  })

  it('with -u (mode all) a changed snapshot is rewritten and counted as updated', async () => {
    h = createHarness('new')
    await seed()
    h.setMode('all')
    const changed = cardPng(120, 63, [RED_BLOCK])
    expect((await h.run(changed)).pass).toBe(true)
    expect(readFileSync(reference()).equals(changed)).toBe(true)
    expect(counts()).toEqual({ added: 0, matched: 0, unmatched: 0, updated: 1 })
  })

  it('with -u a passing snapshot is left alone unless updatePassedSnapshot', async () => {
    h = createHarness('new')
    await seed()
    h.setMode('all')
    const withinThreshold = cardPng(120, 63, [RED_BLOCK])
    await h.run(withinThreshold, { failureThreshold: 100 })
    expect(readFileSync(reference()).equals(cardPng())).toBe(true)
    expect(counts().matched).toBe(1)
    h.state.clearTest(h.task.id)
    await h.run(withinThreshold, { failureThreshold: 100, updatePassedSnapshot: true })
    expect(readFileSync(reference()).equals(withinThreshold)).toBe(true)
    expect(counts().updated).toBe(1)
  })

  it('without -u a failing comparison never touches the reference', async () => {
    h = createHarness('new')
    await seed()
    const before = readFileSync(reference())
    await h.run(cardPng(120, 63, [RED_BLOCK]))
    expect(readFileSync(reference()).equals(before)).toBe(true)
  })
})

describe('toMatchImageSnapshot: received values', () => {
  it('accepts Buffer, Uint8Array, ArrayBuffer, base64, Response, { png } and promises of them', async () => {
    h = createHarness('new')
    const png = cardPng()
    await seed(png)
    const copy = new Uint8Array(png)
    const inputs: unknown[] = [
      png,
      copy,
      copy.buffer,
      png.toString('base64'),
      new Response(copy, { headers: { 'content-type': 'image/png' } }),
      { png: copy, width: 120, height: 63 },
      Promise.resolve(png),
    ]
    for (const input of inputs) {
      expect((await h.again(input)).pass).toBe(true)
      expect(counts()).toEqual({ added: 0, matched: 1, unmatched: 0, updated: 0 })
    }
  })

  it('refuses values that are not images, with what was received', async () => {
    h = createHarness('new')
    await expect(h.run({ width: 1 })).rejects.toThrow(/but received an object with keys width/)
    await expect(h.run(42)).rejects.toThrow(/but received a number/)
    await expect(h.run(Buffer.from('GIF89a....'))).rejects.toThrow(
      /the received bytes is not a PNG \(10 bytes starting with 4749463839612e2e\)/,
    )
    await expect(h.run(new Response('nope', { status: 404 }))).rejects.toThrow(/Response has status 404/)
    const used = new Response(new Uint8Array(cardPng()))
    await used.arrayBuffer()
    await expect(h.run(used)).rejects.toThrow(/body was already read/)
    expect(existsSync(h.snapshotsDir)).toBe(false)
  })

  it('refuses a received header with huge dimensions before decoding it', async () => {
    h = createHarness('new')
    await seed()
    const error = await h.run(pngWithHeader(100_000, 100_000)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImgmetaError)
    expect((error as ImgmetaError).code).toBe('image-too-large')
    expect((error as ImgmetaError).message).toContain('100000×100000')
  })
})

describe('toMatchImageSnapshot: broken references', () => {
  it('a truncated reference is a clear error and is kept; -u replaces it', async () => {
    h = createHarness('new')
    await seed()
    const truncated = cardPng().subarray(0, 200)
    writeFileSync(reference(), truncated)
    const error = (await h.run(cardPng()).catch((e: unknown) => e)) as ImgmetaError
    expect(error.code).toBe('invalid-image')
    expect(error.message).toMatch(/^Snapshot .*cards-test-ts-renders-the-card-1-snap\.png is a corrupt or truncated PNG/)
    expect(error.message).toContain('Run vitest with -u to replace it.')
    expect(readFileSync(reference()).equals(truncated)).toBe(true)
    h.setMode('all')
    expect((await h.run(cardPng())).pass).toBe(true)
    expect(readFileSync(reference()).equals(cardPng())).toBe(true)
  })

  it('a reference that is not a PNG at all is a clear error', async () => {
    h = createHarness('new')
    mkdirSync(h.snapshotsDir, { recursive: true })
    writeFileSync(reference(), 'not a png')
    await expect(h.run(cardPng())).rejects.toThrow(/^Snapshot .* is not a PNG/)
  })

  it('a reference whose header claims huge dimensions is refused before decoding', async () => {
    h = createHarness('new')
    mkdirSync(h.snapshotsDir, { recursive: true })
    writeFileSync(reference(), pngWithHeader(50_000, 50_000))
    const error = (await h.run(cardPng()).catch((e: unknown) => e)) as ImgmetaError
    expect(error.code).toBe('image-too-large')
  })
})

describe('toMatchImageSnapshot: names and options', () => {
  it('uses a custom identifier string as is, and a function with jest-image-snapshot’s arguments', async () => {
    h = createHarness('new')
    await h.run(cardPng(), { customSnapshotIdentifier: 'home-card' })
    const seen: unknown[] = []
    await h.run(cardPng(), {
      customSnapshotIdentifier: (context) => {
        seen.push(context)
        return `fn-${context.counter}`
      },
    })
    await h.run(cardPng(), { customSnapshotIdentifier: () => '' })
    expect(readdirSync(h.snapshotsDir).sort()).toEqual(['cards-test-ts-renders-the-card-3.png', 'fn-2.png', 'home-card.png'])
    expect(seen).toEqual([
      {
        testPath: h.testPath,
        currentTestName: 'renders the card',
        counter: 2,
        defaultIdentifier: 'cards-test-ts-renders-the-card-2',
      },
    ])
  })

  it('allows sub-folders but refuses identifiers that escape the snapshot folder', async () => {
    h = createHarness('new')
    await h.run(cardPng(), { customSnapshotIdentifier: 'cards/home' })
    expect(existsSync(path.join(h.snapshotsDir, 'cards', 'home.png'))).toBe(true)
    for (const bad of ['../escape', 'a/../../escape', path.join(h.dir, 'abs')]) {
      const error = (await h.run(cardPng(), { customSnapshotIdentifier: bad }).catch((e: unknown) => e)) as ImgmetaError
      expect(error.code, bad).toBe('invalid-option')
    }
    expect(existsSync(path.join(h.dir, 'escape.png'))).toBe(false)
    expect(existsSync(path.join(h.dir, 'abs.png'))).toBe(false)
  })

  it('writes to customSnapshotsDir', async () => {
    h = createHarness('new')
    const custom = path.join(h.dir, 'refs')
    await h.run(cardPng(), { customSnapshotsDir: custom })
    expect(readdirSync(custom)).toEqual([`${NAME}.png`])
  })

  it('an unknown or mistyped option is an error naming it', async () => {
    h = createHarness('new')
    await expect(h.run(cardPng(), { failureTreshold: 1 } as never)).rejects.toThrow(
      /unknown option "failureTreshold" \(did you mean "failureThreshold"\?\)\. Valid options: customDiffConfig,/,
    )
    await expect(h.run(cardPng(), { failureThresholdType: 'percentage' } as never)).rejects.toThrow(
      'failureThresholdType must be "pixel" or "percent", got "percentage"',
    )
    await expect(h.run(cardPng(), { customDiffConfig: { treshold: 0.1 } } as never)).rejects.toThrow(
      /unknown customDiffConfig option "treshold" \(did you mean "threshold"\?\)/,
    )
    await expect(h.run(cardPng(), { runtimeHooksPath: './hooks.js' } as never)).rejects.toThrow(/runtimeHooksPath is not supported/)
    await expect(h.run(cardPng(), { comparisonMethod: 'ssim' } as never)).rejects.toThrow(/comparisonMethod must be "pixelmatch"/)
    expect(existsSync(h.snapshotsDir)).toBe(false)
  })

  it('configureToMatchImageSnapshot checks its defaults and per-call options override them', async () => {
    expect(() => createHarness('new', { bogus: true } as never)).toThrow(/toMatchImageSnapshot defaults: unknown option "bogus"/)
    h = createHarness('new', { customSnapshotIdentifier: 'configured', failureThreshold: 100 })
    await h.run(cardPng())
    expect(readdirSync(h.snapshotsDir)).toEqual(['configured.png'])
    expect((await h.again(cardPng(120, 63, [RED_BLOCK]))).pass).toBe(true)
    expect((await h.again(cardPng(120, 63, [RED_BLOCK]), { failureThreshold: 0 })).pass).toBe(false)
  })

  it('.not fails with a clear message', async () => {
    h = createHarness('new')
    await expect(h.run(cardPng(), undefined, 'x', true)).rejects.toThrow('`.not.toMatchImageSnapshot()` is not supported')
  })
})
