// Item 9: the smaller faults: long identifiers, repeated findings, size mismatch, streamed bodies, symlinks,
// an unwritable --report path, and customReceivedPostfix errors.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { resolveInside } from '../../cli/preview/request-guard.js'
import { compareImages } from '../../matchers/diff.js'
import { toHaveValidImageMetadata } from '../../matchers/image-metadata.js'
import { MAX_ITEMS } from '../../src/contract.js'
import type { ImgmetaError } from '../../src/errors.js'
import { renderImageRoute } from '../../src/handler.js'
import { MAX_BODY_BYTES } from '../../src/read-body.js'
import { createHarness, type Harness } from '../matchers/harness.js'
import { cardPng, pngWithHeader } from '../matchers/images.js'
import { faultProject, runCli, writeProjectFile } from './fault-project.js'

let h: Harness | undefined
afterEach(() => h?.cleanup())

describe('9. smaller faults', () => {
  test('9. identifiers of 239, 251 and 5000 characters fail with their length and the limit; nothing is written', async () => {
    for (const length of [239, 251, 5000]) {
      h?.cleanup()
      h = createHarness('new')
      const error = (await h.run(cardPng(), { customSnapshotIdentifier: 'a'.repeat(length) }).catch((e: unknown) => e)) as ImgmetaError
      expect(error.code).toBe('invalid-option')
      expect(error.message).toMatch(new RegExp(`its last part has ${length} bytes, at most \\d+ fit`))
      expect(existsSync(h.snapshotsDir)).toBe(false)
    }
    // A long name that fits is written.
    h?.cleanup()
    h = createHarness('new')
    expect((await h.run(cardPng(), { customSnapshotIdentifier: 'a'.repeat(200) })).pass).toBe(true)
  })

  test('9. one finding repeated across all items is reported once with a count', async () => {
    const items = Array.from({ length: MAX_ITEMS }, (_, i) => ({ id: `card-${i}`, size: { width: 10, height: 10 }, sise: 1 }))
    const result = await toHaveValidImageMetadata.call({ isNot: false }, items)
    expect(result.pass).toBe(false)
    const message = result.message()
    expect(message).toContain(`(the same for ${MAX_ITEMS} items: "card-0", "card-1", "card-2", "card-3", "card-4", …)`)
    expect(message.split('\n').filter((line) => line.includes('[unknown-key]'))).toHaveLength(1)
  })

  test('9. 10,000 items give one too-many-items finding, not one finding per item', async () => {
    // The review's case: 10,000 items with the same mistake printed 3.3 MB. Past MAX_ITEMS the array is
    // reported as a whole, so the message stays a few lines long however many items there are.
    const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `card-${i}`, size: { width: 10, height: 10 }, sise: 1 }))
    const result = await toHaveValidImageMetadata.call({ isNot: false }, items)
    expect(result.pass).toBe(false)
    const message = result.message()
    expect(message).toContain(`generateImageMetadata returned 10000 items; imgmeta checks at most ${MAX_ITEMS}`)
    expect(message).not.toContain('[unknown-key]')
    expect(Buffer.byteLength(message)).toBeLessThan(4096)
  })

  test('9. a size mismatch over a huge area is decided from the headers, without decoding or diffing', () => {
    // The reference is an 8192×8192 header with no pixel data: decoding it would fail, so passing proves no decode.
    const result = compareImages(cardPng(64, 48), pngWithHeader(8192, 8192), { referenceLabel: 'reference', receivedLabel: 'received' })
    expect(result).toMatchObject({ pass: false, sizeMismatch: true, reference: { width: 8192, height: 8192 }, received: { width: 64, height: 48 } })
    expect(result.images).toBeUndefined()
  })

  test('9. a streamed body past the size limit is cut off while it is read', async () => {
    const chunk = new Uint8Array(1024 * 1024)
    let sent = 0
    const mod = {
      default: () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              sent += chunk.byteLength
              controller.enqueue(chunk)
            },
          }),
          { headers: { 'content-type': 'image/png' } },
        ),
    }
    const error = (await renderImageRoute(mod, { file: '/project/app/huge/icon.tsx', id: undefined as never }).catch((e: unknown) => e)) as ImgmetaError
    expect(error.code).toBe('image-too-large')
    expect(error.message).toContain(`the response body is more than ${MAX_BODY_BYTES} bytes`)
    // Read up to the limit and a little beyond (the stream's queue), never the gigabyte a route might send.
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 64 * chunk.byteLength)
  })

  test('9. preview does not follow a symlink out of the snapshot folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-symlink-'))
    try {
      mkdirSync(path.join(dir, 'snapshots'))
      writeFileSync(path.join(dir, 'secret.png'), 'outside')
      writeFileSync(path.join(dir, 'snapshots/card.png'), 'inside')
      symlinkSync(path.join(dir, 'secret.png'), path.join(dir, 'snapshots/link.png'))
      expect(resolveInside(path.join(dir, 'snapshots'), 'link.png', ['.png'])).toBeUndefined()
      expect(resolveInside(path.join(dir, 'snapshots'), 'card.png', ['.png'])).toBe(path.join(dir, 'snapshots/card.png'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('9. an unwritable --report path is a usage error (exit 2) with no stack trace', async () => {
    const dir = faultProject()
    writeProjectFile(dir, 'blocked', 'a file where the report folder would go')
    const run = await runCli(['update', '--report', 'blocked/report'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('imgmeta: could not write the --report folder')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  test('9. a customReceivedPostfix that is not a suffix is blamed by name', async () => {
    h = createHarness('new')
    const error = (await h.run(cardPng(), { customReceivedPostfix: '/../../escape' }).catch((e: unknown) => e)) as ImgmetaError
    expect(error.message).toMatch(/^customReceivedPostfix "\/\.\.\/\.\.\/escape" in .* is not a plain file-name suffix/)
    expect(existsSync(h.snapshotsDir) ? readdirSync(h.snapshotsDir) : []).toEqual([])
  })
})
