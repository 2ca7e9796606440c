import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pixelmatch from 'pixelmatch'
import { afterAll, describe, expect, test } from 'vitest'
import { decodePng } from '../../src/png.js'
import { goldenImage } from '../fixtures/og-corpus/goldens.js'
import { CHILD_TIMEOUT_MS } from '../helpers/vitest-project.js'
import { copyFixture, listFiles, REPO, runCli } from './cli-helpers.js'

// `imgmeta update` in a project follows the project's installed next: its snapshots are what that release's
// next/og draws (the goldens of test/golden/og/<release>/wasm, made by the real next/og). Next 16.4.6 is the
// repository's own next; Next 14.2.35 is a stand-in in the project's node_modules holding the files imgmeta
// reads from a release (test/fixtures/next-14.2.35-standin), so that nothing is installed here.
const CARD = 'og-title-default-font'
const created: string[] = []
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

function project(next: 'repository' | '14.2.35'): string {
  const dir = copyFixture('release-app')
  created.push(dir)
  if (next === '14.2.35') {
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true })
    cpSync(path.join(REPO, 'test/fixtures/next-14.2.35-standin'), path.join(dir, 'node_modules/next'), { recursive: true })
  }
  return dir
}

async function snapshotAfterUpdate(dir: string) {
  const run = await runCli(['update'], dir)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const files = listFiles(path.join(dir, '__image_snapshots__')).filter((file) => file.endsWith('.png'))
  expect(files).toHaveLength(1)
  return decodePng(readFileSync(path.join(dir, '__image_snapshots__', files[0]!)), files[0]!)
}

function differingFromGolden(image: { data: Uint8Array; width: number; height: number }, release: string): number {
  const golden = goldenImage(release, 'wasm', CARD)
  expect([image.width, image.height]).toEqual([golden.width, golden.height])
  return pixelmatch(image.data, golden.data, undefined, golden.width, golden.height, { threshold: 0.1 })
}

describe('imgmeta update renders as the installed Next release', () => {
  test('next 14.2.35: the snapshot is what 14.2.35’s next/og draws, not what 16.4.6’s does', async () => {
    const image = await snapshotAfterUpdate(project('14.2.35'))
    expect(differingFromGolden(image, '14.2.35')).toBe(0)
    expect(differingFromGolden(image, '16.4.6')).toBeGreaterThan(1000)
  }, CHILD_TIMEOUT_MS)

  test('next 16.4.6: the snapshot is what 16.4.6’s next/og draws, not what 14.2.35’s does', async () => {
    const image = await snapshotAfterUpdate(project('repository'))
    expect(differingFromGolden(image, '16.4.6')).toBe(0)
    expect(differingFromGolden(image, '14.2.35')).toBeGreaterThan(1000)
  }, CHILD_TIMEOUT_MS)
})

describe('CSS that next/og ignores', () => {
  const ROUTE = `import { ImageResponse } from 'next/og'
export const size = { width: 120, height: 63 }
export default function Image() {
  return new ImageResponse(<div style={{ display: 'flex', color: 'black', WebkitTextFillColor: 'red' }}>x</div>, size)
}
`
  test('is drawn as next/og draws it (ignored) by default, and refused with --strict-css', async () => {
    const dir = project('repository')
    rmSync(path.join(dir, 'app/opengraph-image.tsx'))
    mkdirSync(path.join(dir, 'app/ignored'), { recursive: true })
    writeFileSync(path.join(dir, 'app/ignored/opengraph-image.tsx'), ROUTE)
    const strict = await runCli(['update', '--strict-css'], dir)
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('WebkitTextFillColor')
    expect(listFiles(path.join(dir, '__image_snapshots__')).filter((file) => file.endsWith('.png'))).toEqual([])
    const lenient = await runCli(['update'], dir)
    expect(lenient.code).toBe(0)
    expect(listFiles(path.join(dir, '__image_snapshots__')).filter((file) => file.endsWith('.png'))).toHaveLength(1)
  }, 2 * CHILD_TIMEOUT_MS)
})
