// testImageRoutes declares tests, so it is checked the way a user meets it: a vitest run of a test file that
// calls it on a copy of the fixture app, read back through vitest's JSON reporter.
import { cp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { childEnv, makeTempDir, REPO, runVitest, statuses, type VitestRun } from '../helpers/vitest-project.js'

const FIXTURE = path.join(REPO, 'test/fixtures/image-routes-app')

const TEST_FILE = `import { vi } from 'vitest'
import { testImageRoutes } from ${JSON.stringify(path.join(REPO, 'matchers/test-image-routes.ts'))}

vi.mock('next/og', () => import(${JSON.stringify(path.join(REPO, 'og/index.ts'))}))

testImageRoutes('app')
testImageRoutes('app', {
  name: 'with params',
  params: { '/blog/[post]': [{ post: 'hello' }, { post: 'hi' }] },
  filter: (route) => route.parentPath === '/blog/[post]',
  snapshot: false,
})
`

const SKIP_BLOG =
  'image routes /blog/[post]/opengraph-image skipped: no values for [post]; add generateStaticParams to a page or ' +
  'layout of /blog/[post], or pass params for "/blog/[post]"'

const EXPECTED: Record<string, string> = {
  'image routes /about/twitter-image-1v42b1': 'passed',
  'image routes /apple-icon.png skipped: static file apple-icon.png is served as it is': 'skipped',
  [SKIP_BLOG]: 'skipped',
  'image routes /bugs/content-type/opengraph-image/webp': 'failed',
  'image routes /bugs/missing-id/icon item [0]': 'failed',
  'image routes /bugs/missing-id/icon item [1]': 'failed',
  'image routes /bugs/non-response/icon/jsx': 'failed',
  'image routes /bugs/returns-response/icon': 'failed',
  'image routes /bugs/size/icon/small': 'failed',
  'image routes /bugs/throws/icon/broken': 'failed',
  'image routes /bugs/unreachable-id/icon/light': 'passed',
  'image routes /bugs/unreachable-id/icon/logo/dark': 'failed',
  'image routes /docs/guide/intro/icon/small': 'failed',
  'image routes /icon/small': 'passed',
  'image routes /icon/medium': 'passed',
  'image routes /shop/shoes/opengraph-image/card': 'passed',
  'image routes /shop/hats/opengraph-image/card': 'passed',
  'with params /blog/hello/opengraph-image/card': 'passed',
  'with params /blog/hi/opengraph-image/card': 'passed',
}

let dir: string
let first: VitestRun

beforeAll(async () => {
  dir = await makeTempDir('imgmeta-test-image-routes-')
  await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  await cp(path.join(FIXTURE, 'app'), path.join(dir, 'app'), { recursive: true })
  await cp(path.join(FIXTURE, 'tsconfig.json'), path.join(dir, 'tsconfig.json'))
  await writeFile(path.join(dir, 'routes.test.ts'), TEST_FILE)
  await writeFile(path.join(dir, 'vitest.config.mjs'), `export default { test: { include: ['*.test.ts'] } }\n`)
  first = await runVitest(dir)
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

function failure(run: VitestRun, name: string): string {
  const message = run.tests.get(name)?.failureMessages[0] ?? ''
  // Keep the message, drop the stack vitest appends.
  return message.split('\n    at ')[0] ?? ''
}

describe('testImageRoutes', () => {
  test('declares one test per route, params set and id; skips what it cannot cover, saying why', () => {
    expect(statuses(first)).toEqual(EXPECTED)
    expect(first.exitCode).toBe(1)
  })

  test('fails an image with every finding, one line each', () => {
    expect(failure(first, 'image routes /bugs/size/icon/small')).toBe(
      'ImgmetaError: /bugs/size/icon/small: 1 problem in app/bugs/size/icon.tsx\n' +
        '  - route /bugs/size/icon, id "small": item [0] declares size 48×48 but the image function rendered 1200×630; ' +
        'the tags would tell crawlers the wrong size. Expected them to match. [size-mismatch]',
    )
    expect(failure(first, 'image routes /docs/guide/intro/icon/small')).toMatch(
      /^ImgmetaError: \/docs\/guide\/intro\/icon\/small: 1 problem in app\/docs\/\[\.\.\.path\]\/icon\.tsx\n {2}- route \/docs\/guide\/intro\/icon: .* sits below the catch-all segment \[\.\.\.path\]: .* \[catch-all-route\]$/,
    )
    expect(failure(first, 'image routes /bugs/unreachable-id/icon/logo/dark').split('\n').slice(1).map((l) => l.replace(/^.*\[/, '['))).toEqual([
      '[unroutable-id]',
      '[not-found]',
    ])
    for (const [name, status] of Object.entries(EXPECTED)) {
      if (status === 'failed') expect(failure(first, name)).toMatch(/^ImgmetaError: \/\S+.*: \d+ problems? in app\//)
    }
  })

  test('records route, image and findings in task meta for reporters', () => {
    expect(first.tests.get('image routes /icon/small')?.meta?.imgmeta).toEqual({
      file: path.join(dir, 'app/icon.tsx'),
      pathTemplate: '/icon',
      route: '/icon',
      params: {},
      id: 'small',
      pathname: '/icon/small',
      findings: [],
      width: 48,
      height: 48,
      contentType: 'image/png',
    })
    expect(first.tests.get(SKIP_BLOG)?.meta?.imgmeta).toEqual({
      file: path.join(dir, 'app/blog/[post]/opengraph-image.tsx'),
      pathTemplate: '/blog/[post]/opengraph-image',
      skipped: 'no values for [post]; add generateStaticParams to a page or layout of /blog/[post], or pass params for "/blog/[post]"',
    })
    const size = first.tests.get('image routes /bugs/size/icon/small')?.meta?.imgmeta as { findings: { code: string }[] }
    expect(size.findings.map((f) => f.code)).toEqual(['size-mismatch'])
  })

  test('writes a snapshot for every passing image (outside CI), none with snapshot: false', async () => {
    const files = (await readdir(path.join(dir, '__image_snapshots__'))).sort()
    expect(files).toEqual([
      'routes-test-ts-image-routes-about-twitter-image-1-v-42-b-1-1-snap.png',
      'routes-test-ts-image-routes-bugs-unreachable-id-icon-light-1-snap.png',
      'routes-test-ts-image-routes-icon-medium-1-snap.png',
      'routes-test-ts-image-routes-icon-small-1-snap.png',
      'routes-test-ts-image-routes-shop-hats-opengraph-image-card-1-snap.png',
      'routes-test-ts-image-routes-shop-shoes-opengraph-image-card-1-snap.png',
    ])
  })

  test('on CI, unchanged images match their snapshots and a changed route fails with a diff', async () => {
    const snapshot = path.join(dir, '__image_snapshots__/routes-test-ts-image-routes-shop-shoes-opengraph-image-card-1-snap.png')
    const before = await readFile(snapshot)
    const mtime = (await stat(snapshot)).mtimeMs

    const again = await runVitest(dir, [], childEnv({ CI: 'true' }))
    expect(statuses(again)).toEqual(EXPECTED)

    const route = path.join(dir, 'app/shop/[slug]/opengraph-image.tsx')
    await writeFile(route, (await readFile(route, 'utf8')).replace('#fde68a', '#fca5a5'))
    const changed = await runVitest(dir, [], childEnv({ CI: 'true' }))
    expect(statuses(changed)).toEqual({ ...EXPECTED, 'image routes /shop/shoes/opengraph-image/card': 'failed' })
    expect(failure(changed, 'image routes /shop/shoes/opengraph-image/card')).toMatch(
      /Expected image to match or be a close match to snapshot but was [\d.]+% different from snapshot \(\d+ differing pixels of 189000\)/,
    )
    expect(await readFile(snapshot)).toEqual(before)
    expect((await stat(snapshot)).mtimeMs).toBe(mtime)
  })
})
