// imgmeta update / check on an app whose image routes reach a CMS (GraphQL POST, GET with a query), a CDN (a
// font, avatars) and the site's own origin. The remote services are one local server reached by *.imgmeta.test
// names; it is stopped before every replaying check, which must then open no socket at all.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, test } from 'vitest'
import { copyFixture, listFiles, REPO, runCli } from '../cli/cli-helpers.js'
import { CHILD_TIMEOUT_MS } from '../helpers/vitest-project.js'
import { nonLoopbackConnects } from './support/connect-log.js'
import { startFakeOrigins, type CmsContent } from './support/fake-origins.js'

const HOSTS_PRELOAD = path.join(REPO, 'test/network/support/test-hosts.mjs')
const SITE_URL = 'https://www.imgmeta-site.test'
const HAR = '__image_snapshots__/network/routes.har'
const OG_ROUTE = 'app/blog/[slug]/opengraph-image.tsx'
/** Each test runs the command a few times; each run may take as long as any child process of the suite. */
const runs = (count: number) => ({ timeout: count * CHILD_TIMEOUT_MS })

function content(): CmsContent {
  return {
    posts: {
      hello: { title: 'Hello', accent: '#f8fafc', background: '#1e293b' },
      world: { title: 'World', accent: '#fde68a', background: '#312e81' },
    },
  }
}

const created: string[] = []
function project(): string {
  const dir = copyFixture('network-app')
  created.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

/** The environment of every run: where the services are, the CMS token, and the preload that resolves the names. */
function envFor(fake: { cmsUrl: string; cdnUrl: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CMS_URL: fake.cmsUrl,
    CDN_URL: fake.cdnUrl,
    NEXT_PUBLIC_SITE_URL: SITE_URL,
    CMS_TOKEN: 'cms-secret-token',
    NODE_OPTIONS: `--import ${HOSTS_PRELOAD}`,
    ...extra,
  }
}

interface HarFile {
  log: { entries: { request: { method: string; url: string }; response: { content: { _file?: string } } }[] }
}

function readHarFile(dir: string): HarFile {
  return JSON.parse(readFileSync(path.join(dir, HAR), 'utf8')) as HarFile
}

function requestsOf(har: HarFile, port: number): string[] {
  return har.log.entries.map((e) => `${e.request.method} ${e.request.url.replace(`:${port}`, ':PORT')}`)
}

describe('network: imgmeta update records, imgmeta check replays offline', () => {
  test('update records each request once with no request headers; with the services stopped, CI=true check passes and opens no socket', runs(2), async () => {
    const dir = project()
    const fake = await startFakeOrigins(content())
    let update
    try {
      update = await runCli(['update'], dir, envFor(fake))
    } finally {
      await fake.close()
    }
    expect(update.stderr).toBe('')
    expect(update.code).toBe(0)
    expect(update.stdout).toContain('Snapshots  3 added')
    // 3 GraphQL POSTs (the post list, two posts: one URL, told apart by body), 2 theme GETs, 1 font, 2 avatars.
    expect(update.stdout).toMatch(
      new RegExp(`Network {4}recorded 8 requests from 2 hosts \\(cdn\\.imgmeta\\.test:${fake.port} 3, cms\\.imgmeta\\.test:${fake.port} 5\\), [\\d.]+ kB into ${HAR}`),
    )
    const har = readHarFile(dir)
    expect(requestsOf(har, fake.port)).toEqual([
      'GET http://cdn.imgmeta.test:PORT/avatars/hello.png',
      'GET http://cdn.imgmeta.test:PORT/avatars/world.png',
      'GET http://cdn.imgmeta.test:PORT/fonts/Geist-Regular.ttf',
      'GET http://cms.imgmeta.test:PORT/api/theme?post=hello',
      'GET http://cms.imgmeta.test:PORT/api/theme?post=world',
      'POST http://cms.imgmeta.test:PORT/graphql',
      'POST http://cms.imgmeta.test:PORT/graphql',
      'POST http://cms.imgmeta.test:PORT/graphql',
    ])
    // The CMS got the token; the recordings keep neither it nor the cookie the CMS set.
    expect(fake.authorizations).toEqual(['Bearer cms-secret-token', 'Bearer cms-secret-token', 'Bearer cms-secret-token'])
    const harText = readFileSync(path.join(dir, HAR), 'utf8')
    expect(harText).not.toContain('cms-secret-token')
    expect(harText).not.toContain('secret-cookie')
    // The own-origin image came from public/ and the denied analytics host was never recorded.
    expect(harText).not.toContain('imgmeta-site.test')
    expect(harText).not.toContain('analytics')
    // Bodies are content-addressed files beside the HAR: the font is stored once, under its SHA-256.
    const bodies = listFiles(path.join(dir, '__image_snapshots__/network/bodies'))
    expect(bodies.filter((name) => name.endsWith('.ttf'))).toHaveLength(1)
    for (const entry of har.log.entries) expect(bodies).toContain(entry.response.content._file!.replace('bodies/', ''))

    const connectLog = path.join(dir, 'connects.jsonl')
    const check = await runCli(['check'], dir, envFor(fake, { CI: 'true', IMGMETA_TEST_CONNECT_LOG: connectLog }))
    expect(check.stderr).toBe('')
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Snapshots  0 added, 0 updated, 3 unchanged, 0 failed')
    expect(check.stdout).not.toContain('Network    recorded')
    expect(nonLoopbackConnects(connectLog)).toEqual([])
  })

  test('the site origin is public/: the icon draws public/images/x.png and nothing is recorded for it', runs(1), async () => {
    const dir = project()
    rmSync(path.join(dir, 'app/blog'), { recursive: true })
    const update = await runCli(['update'], dir, envFor({ cmsUrl: 'http://cms.imgmeta.test:9', cdnUrl: 'http://cdn.imgmeta.test:9' }))
    expect(update.code).toBe(0)
    expect(update.stdout).not.toContain('Network    recorded')
    expect(listFiles(path.join(dir, '__image_snapshots__'))).toEqual(['routes/icon.png'])
    // The 32×32 icon is the 16×16 checkerboard of public/images/x.png scaled up: the middle of each 8×8 block
    // has the colour of the file's 4×4 block (within the resampling filter's rounding).
    const source = PNG.sync.read(readFileSync(path.join(dir, 'public/images/x.png')))
    const icon = PNG.sync.read(readFileSync(path.join(dir, '__image_snapshots__/routes/icon.png')))
    const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)]
    const distance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))
    expect(distance(pixel(icon, 3, 3), pixel(source, 1, 1))).toBeLessThanOrEqual(8)
    expect(distance(pixel(icon, 11, 3), pixel(source, 5, 1))).toBeLessThanOrEqual(8)
    expect(distance(pixel(source, 1, 1), pixel(source, 5, 1))).toBeGreaterThan(100)
  })

  test('a request with no recording fails its image, naming the method and URL and saying to run imgmeta update', runs(2), async () => {
    const dir = project()
    const fake = await startFakeOrigins(content())
    try {
      expect((await runCli(['update'], dir, envFor(fake))).code).toBe(0)
    } finally {
      await fake.close()
    }
    const route = path.join(dir, OG_ROUTE)
    // The route now also asks for a badge, and carries on without it when the request fails.
    writeFileSync(
      route,
      readFileSync(route, 'utf8').replace(
        '  const font =',
        '  await fetch(`${process.env.CMS_URL}/api/badge?slug=${slug}`).catch(() => undefined)\n  const font =',
      ),
    )
    const check = await runCli(['check'], dir, envFor(fake, { CI: 'true' }))
    expect(check.code).toBe(1)
    expect(check.stdout).toContain(`GET http://cms.imgmeta.test:${fake.port}/api/badge?slug=hello has no recording in`)
    expect(check.stdout).toContain(`GET http://cms.imgmeta.test:${fake.port}/api/badge?slug=world has no recording in`)
    expect(check.stdout).toContain('run `imgmeta update`')
    expect(check.stdout).toMatch(/Images {5}3 \(1 passed, 2 failed/)
  })

  test('a changed CMS answer and update change snapshot and recording; recordings no image uses are listed, then pruned', runs(4), async () => {
    const dir = project()
    const fake = await startFakeOrigins(content())
    try {
      expect((await runCli(['update'], dir, envFor(fake))).code).toBe(0)
      const snapshot = path.join(dir, '__image_snapshots__/routes/blog/hello/opengraph-image.png')
      const before = { png: readFileSync(snapshot), har: readFileSync(path.join(dir, HAR), 'utf8') }

      fake.content.posts.hello!.title = 'Hello again'
      const changed = await runCli(['update'], dir, envFor(fake))
      expect(changed.code).toBe(0)
      expect(changed.stdout).toContain('Snapshots  0 added, 1 updated, 2 unchanged')
      expect(readFileSync(snapshot).equals(before.png)).toBe(false)
      const after = readFileSync(path.join(dir, HAR), 'utf8')
      expect(after).not.toBe(before.har)
      expect(requestsOf(readHarFile(dir), fake.port)).toEqual(requestsOf(JSON.parse(before.har) as HarFile, fake.port))

      // The CMS drops the "world" post: its requests are no longer made by any image.
      delete fake.content.posts.world
      const listed = await runCli(['update'], dir, envFor(fake))
      expect(listed.code).toBe(0)
      expect(listed.stdout).toContain(`Recordings 3 obsolete in ${HAR} (run \`imgmeta update --prune\` to delete):`)
      expect(listed.stdout).toContain(`  - GET http://cdn.imgmeta.test:${fake.port}/avatars/world.png`)
      expect(listed.stdout).toContain(`  - GET http://cms.imgmeta.test:${fake.port}/api/theme?post=world`)
      expect(listed.stdout).toMatch(/ {2}- POST http:\/\/cms\.imgmeta\.test:\d+\/graphql \(body [0-9a-f]{12}\)/)
      expect(requestsOf(readHarFile(dir), fake.port)).toHaveLength(8)

      const pruned = await runCli(['update', '--prune'], dir, envFor(fake))
      expect(pruned.code).toBe(0)
      expect(pruned.stdout).toMatch(/Recordings \d+ obsolete deleted:/)
      expect(requestsOf(readHarFile(dir), fake.port)).toEqual([
        'GET http://cdn.imgmeta.test:PORT/avatars/hello.png',
        'GET http://cdn.imgmeta.test:PORT/fonts/Geist-Regular.ttf',
        'GET http://cms.imgmeta.test:PORT/api/theme?post=hello',
        'POST http://cms.imgmeta.test:PORT/graphql',
        'POST http://cms.imgmeta.test:PORT/graphql',
      ])
      // Every body left is one a recording refers to.
      const referenced = readHarFile(dir).log.entries.map((e) => e.response.content._file!.replace('bodies/', ''))
      expect(listFiles(path.join(dir, '__image_snapshots__/network/bodies'))).toEqual([...new Set(referenced)].sort())
    } finally {
      await fake.close()
    }
  })
})
