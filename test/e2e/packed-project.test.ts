// The package as users get it: built, packed with npm, unpacked into a fresh project whose vitest config has
// nothing but `setupFiles: ['imgmeta/vitest-setup']`. Dependencies other than imgmeta are symlinked from this
// repository's node_modules, so the run needs no network; imgmeta itself comes only from the tarball.
import { cp, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { installPackedImgmeta, packImgmeta } from '../helpers/packed-imgmeta.js'
import { makeTempDir, REPO, run, runVitest, statuses, type VitestRun } from '../helpers/vitest-project.js'
import { timeoutOf } from '../helpers/timeouts.js'

const TEMPLATE = path.join(REPO, 'test/fixtures/packed-project')

/** What the package must publish for the vitest side to work. */
const PUBLISHED = [
  'package.json',
  'dist/matchers/index.js',
  'dist/matchers/index.d.ts',
  'dist/matchers/setup.js',
  'dist/matchers/setup.d.ts',
  'dist/matchers/image-metadata.js',
  'dist/matchers/test-image-routes.js',
  'dist/matchers/vitest-plugin.js',
  'dist/src/index.js',
  'dist/og/index.js',
]

let root: string
let project: string
let packedFiles: string[]
let vitestRun: VitestRun

beforeAll(async () => {
  root = await makeTempDir('imgmeta-packed-')
  const packed = await packImgmeta(root)
  packedFiles = packed.files

  project = path.join(root, 'project')
  await cp(TEMPLATE, project, { recursive: true })
  await installPackedImgmeta(project, packed)
  vitestRun = await runVitest(project)
}, timeoutOf(1))

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('imgmeta packed and installed in a user project', () => {
  test('the tarball publishes the built vitest side and no sources', () => {
    for (const file of PUBLISHED) expect(packedFiles).toContain(file)
    expect(packedFiles.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([])
  })

  test('vitest with only the setup file: both matchers and testImageRoutes pass and fail as expected', async () => {
    expect(statuses(vitestRun)).toEqual({
      'image routes /broken/opengraph-image/card': 'failed',
      'image routes /icon/small': 'passed',
      'image routes /icon/large': 'passed',
      'image routes /products/1/opengraph-image/card': 'passed',
      'image routes /products/2/opengraph-image/card': 'passed',
      'matchers the icon route has valid image metadata': 'passed',
      'matchers the broken card does not': 'passed',
      'matchers a rendered icon matches its snapshot': 'passed',
    })
    expect(vitestRun.exitCode).toBe(1)
    const message = vitestRun.tests.get('image routes /broken/opengraph-image/card')?.failureMessages[0] ?? ''
    expect(message.split('\n    at ')[0]).toBe(
      'ImgmetaError: /broken/opengraph-image/card: 1 problem in app/broken/opengraph-image.tsx\n' +
        '  - route /broken/opengraph-image, id "card": item [0] declares size 1024×768 but the image function rendered ' +
        '1200×630; the tags would tell crawlers the wrong size. Expected them to match. [size-mismatch]',
    )
    expect((await readdir(path.join(project, '__image_snapshots__'))).length).toBe(5)
  })

  test('the test file type-checks with tsc against the published types', async () => {
    const tsc = await run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project })
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.exitCode).toBe(0)
  })
})
