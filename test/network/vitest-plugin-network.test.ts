// The vitest side of the network layer: `imgmeta({ network: 'replay' })` in vitest.config, `-u` records, a
// plain run replays with no socket opened, and a test whose code makes an unrecorded request fails naming it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { copyFixture, REPO } from '../cli/cli-helpers.js'
import { childEnv, CHILD_TIMEOUT_MS, run } from '../helpers/vitest-project.js'
import { startFakeOrigins } from './support/fake-origins.js'

const VITEST = path.join(REPO, 'node_modules/vitest/vitest.mjs')
const HOSTS_PRELOAD = path.join(REPO, 'test/network/support/test-hosts.mjs')
const HAR = '__image_snapshots__/network/vitest.har'

const created: string[] = []
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

/** The network fixture app with a vitest config using the plugin by its source path, and one snapshot test. */
function project(): string {
  const dir = copyFixture('network-app')
  created.push(dir)
  writeFileSync(
    path.join(dir, 'vitest.config.mts'),
    `import { defineConfig } from 'vitest/config'
import imgmeta from ${JSON.stringify(path.join(REPO, 'matchers/vitest-plugin.ts'))}

export default defineConfig({
  plugins: [imgmeta({ renderer: 'reference', setupFile: false, network: { mode: 'replay', deny: ['analytics.imgmeta.test'] } })],
  test: { setupFiles: [${JSON.stringify(path.join(REPO, 'matchers/setup.ts'))}], include: ['tests/**/*.test.tsx'] },
})
`,
  )
  mkdirSync(path.join(dir, 'tests'))
  writeFileSync(path.join(dir, 'tsconfig.json'), readFileSync(path.join(dir, 'tsconfig.json'), 'utf8').replace('"include": ["app", "lib"', '"include": ["app", "lib", "tests"'))
  writeFileSync(
    path.join(dir, 'tests/card.test.tsx'),
    `import { expect, test } from 'vitest'
import Image from '@/app/blog/[slug]/opengraph-image'

test('the hello card matches its snapshot', async () => {
  await expect(await Image({ params: Promise.resolve({ slug: 'hello' }) })).toMatchImageSnapshot()
})
`,
  )
  return dir
}

function vitest(dir: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, [VITEST, 'run', ...args], { cwd: dir, env: childEnv({ NO_COLOR: '1', NODE_OPTIONS: `--import ${HOSTS_PRELOAD}`, ...env }) })
}

describe('imgmeta vitest plugin: network option', () => {
  test('-u records into vitest.har; a plain CI run replays with the services stopped and opens no socket; an unrecorded request fails by name', { timeout: 3 * CHILD_TIMEOUT_MS }, async () => {
    const dir = project()
    const fake = await startFakeOrigins({ posts: { hello: { title: 'Hello', accent: '#f8fafc', background: '#1e293b' } } })
    const env = { CMS_URL: fake.cmsUrl, CDN_URL: fake.cdnUrl, NEXT_PUBLIC_SITE_URL: 'https://www.imgmeta-site.test', CMS_TOKEN: 'token' }
    let recorded
    try {
      recorded = await vitest(dir, ['-u'], env)
    } finally {
      await fake.close()
    }
    expect(recorded.exitCode, recorded.stdout + recorded.stderr).toBe(0)
    expect(recorded.stdout).toMatch(/imgmeta network: recorded 4 requests from 2 hosts .* into __image_snapshots__\/network\/vitest\.har/)
    const har = JSON.parse(readFileSync(path.join(dir, HAR), 'utf8')) as { log: { entries: { request: { url: string } }[] } }
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/avatars/hello.png', '/fonts/Geist-Regular.ttf', '/api/theme', '/graphql'])

    const connectLog = path.join(dir, 'connects.jsonl')
    const replayed = await vitest(dir, [], { ...env, CI: 'true', IMGMETA_TEST_CONNECT_LOG: connectLog })
    expect(replayed.exitCode, replayed.stdout + replayed.stderr).toBe(0)
    expect(replayed.stdout).toContain('1 passed')
    let connects = ''
    try {
      connects = readFileSync(connectLog, 'utf8')
    } catch {
      // no connect at all
    }
    expect(connects.split('\n').filter((line) => line !== '' && !line.includes('"path"'))).toEqual([])

    writeFileSync(
      path.join(dir, 'tests/badge.test.tsx'),
      `import { expect, test } from 'vitest'

test('the badge loads', async () => {
  const answer = await fetch(process.env.CMS_URL + '/api/badge').catch(() => undefined)
  expect(answer).toBeUndefined()
})
`,
    )
    const missing = await vitest(dir, [], { ...env, CI: 'true' })
    expect(missing.exitCode).toBe(1)
    expect(missing.stdout + missing.stderr).toContain(`GET ${fake.cmsUrl}/api/badge has no recording in`)
    expect(missing.stdout + missing.stderr).toContain('run `imgmeta update` (vitest: -u)')
  })
})
