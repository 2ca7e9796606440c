// Determinism of routes that fetch: after one `imgmeta update` with the services up (CMS data over GraphQL and a
// GET, a font and an avatar from a CDN, an emoji SVG from next/og's https CDN, an image of the site's public/),
// two offline `imgmeta check` runs in two copies of the project, with the services stopped and the image
// snapshots removed, write byte-identical PNGs from the same recordings — identical to the live render too.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { copyFixture, listFiles, REPO, runCli } from '../cli/cli-helpers.js'
import { CHILD_TIMEOUT_MS } from '../helpers/vitest-project.js'
import { nonLoopbackConnects } from './support/connect-log.js'
import { startFakeEmojiCdn } from './support/fake-emoji-cdn.js'
import { startFakeOrigins } from './support/fake-origins.js'
import { twemojiRoute } from './support/twemoji-route.js'

const HOSTS_PRELOAD = path.join(REPO, 'test/network/support/test-hosts.mjs')
const ROUTES = '__image_snapshots__/routes'

const EMOJI_ROUTE = twemojiRoute('Hi 👋', 48)

const created: string[] = []
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

function pngsOf(dir: string): Map<string, Buffer> {
  return new Map(listFiles(path.join(dir, ROUTES)).map((file) => [file, readFileSync(path.join(dir, ROUTES, file))]))
}

describe('network: offline checks are byte-identical', () => {
  test('two offline checks of copies of one recorded project write the same PNG bytes, equal to the live render', async () => {
    const dir = copyFixture('network-app')
    created.push(dir)
    mkdirSync(path.join(dir, 'app/wave'), { recursive: true })
    writeFileSync(path.join(dir, 'app/wave/opengraph-image.tsx'), EMOJI_ROUTE)
    const origins = await startFakeOrigins({
      posts: {
        hello: { title: 'Hello', accent: '#f8fafc', background: '#1e293b' },
        world: { title: 'World', accent: '#fde68a', background: '#312e81' },
      },
    })
    const cdn = await startFakeEmojiCdn()
    const env = {
      ...cdn.env,
      CMS_URL: origins.cmsUrl,
      CDN_URL: origins.cdnUrl,
      NEXT_PUBLIC_SITE_URL: 'https://www.imgmeta-site.test',
      CMS_TOKEN: 'cms-secret-token',
      NODE_OPTIONS: `--import ${HOSTS_PRELOAD}`,
    }
    try {
      const update = await runCli(['update'], dir, env)
      expect(update.stderr).toBe('')
      expect(update.code).toBe(0)
      expect(update.stdout).toMatch(/Network {4}recorded 9 requests from 3 hosts/)
    } finally {
      await Promise.all([origins.close(), cdn.close()])
    }
    const live = pngsOf(dir)
    expect([...live.keys()]).toEqual(['blog/hello/opengraph-image.png', 'blog/world/opengraph-image.png', 'icon.png', 'wave/opengraph-image.png'])

    const runs = []
    for (const name of ['first', 'second']) {
      const copy = `${dir}-${name}`
      created.push(copy)
      cpSync(dir, copy, { recursive: true })
      rmSync(path.join(copy, ROUTES), { recursive: true })
      const connectLog = path.join(copy, 'connects.jsonl')
      const check = await runCli(['check'], copy, { ...env, IMGMETA_TEST_CONNECT_LOG: connectLog })
      expect(check.stderr).toBe('')
      expect(check.code).toBe(0)
      expect(check.stdout).toContain('Snapshots  4 added')
      expect(nonLoopbackConnects(connectLog)).toEqual([])
      runs.push(pngsOf(copy))
    }
    const [first, second] = runs as [Map<string, Buffer>, Map<string, Buffer>]
    expect([...first.keys()]).toEqual([...live.keys()])
    for (const [file, bytes] of live) {
      expect(first.get(file)!.equals(second.get(file)!), `${file}: first and second offline check`).toBe(true)
      expect(first.get(file)!.equals(bytes), `${file}: offline check and live update`).toBe(true)
    }
  }, 3 * CHILD_TIMEOUT_MS)
})
