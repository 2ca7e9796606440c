// next/og's `emoji` option end to end: `imgmeta update` fetches the emoji's SVG from its fixed CDN URL (a local
// HTTPS server holding a certificate for cdn.jsdelivr.net, see support/fake-emoji-cdn.ts) and records it; with the
// server stopped, `CI=true imgmeta check` replays it, opens no socket, and the snapshot shows the drawn emoji.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'
import { REPO, runCli } from '../cli/cli-helpers.js'
import { CHILD_TIMEOUT_MS } from '../helpers/vitest-project.js'
import { nonLoopbackConnects } from './support/connect-log.js'
import { startFakeEmojiCdn } from './support/fake-emoji-cdn.js'
import { networkAppWithRoute } from './support/network-app.js'
import { twemojiRoute } from './support/twemoji-route.js'

const HOSTS_PRELOAD = path.join(REPO, 'test/network/support/test-hosts.mjs')
const HAR = '__image_snapshots__/network/routes.har'
const SNAPSHOT = '__image_snapshots__/routes/wave/opengraph-image.png'
const EMOJI_URL = 'https://cdn.jsdelivr.net/gh/twitter/twemoji@14.0.2/assets/svg/1f44b.svg'

// A 64 px emoji centred in a 200×100 white card: its box is about x 68–132, y 18–82.
const WAVE_ROUTE = twemojiRoute('👋', 64)

const project = networkAppWithRoute('wave', WAVE_ROUTE)

function isRed(png: PNG, x: number, y: number): boolean {
  const i = (y * png.width + x) * 4
  return png.data[i]! > 200 && png.data[i + 1]! < 60 && png.data[i + 2]! < 60
}

describe('emoji: recorded from the CDN by imgmeta update, replayed offline by imgmeta check', () => {
  test('update records the twemoji SVG; with the CDN gone, CI=true check passes, opens no socket, and the emoji is drawn', async () => {
    const dir = project()
    const cdn = await startFakeEmojiCdn()
    const env = { ...cdn.env, NODE_OPTIONS: `--import ${HOSTS_PRELOAD}`, NEXT_PUBLIC_SITE_URL: 'https://www.imgmeta-site.test' }
    const updateLog = path.join(dir, 'update-connects.jsonl')
    let update
    try {
      update = await runCli(['update'], dir, { ...env, IMGMETA_TEST_CONNECT_LOG: updateLog })
    } finally {
      await cdn.close()
    }
    expect(update.stderr).toBe('')
    expect(update.code).toBe(0)
    expect(cdn.served).toEqual(['GET /gh/twitter/twemoji@14.0.2/assets/svg/1f44b.svg'])
    // The log sees the CDN connect while recording: its absence while replaying below means something.
    expect(nonLoopbackConnects(updateLog)).toEqual(['cdn.jsdelivr.net:443'])
    expect(update.stdout).toMatch(/Network {4}recorded 1 request from 1 host \(cdn\.jsdelivr\.net 1\)/)
    expect(readFileSync(path.join(dir, HAR), 'utf8')).toContain(EMOJI_URL)

    // The emoji's box is the served SVG's red disc; the card around it is white.
    const png = PNG.sync.read(readFileSync(path.join(dir, SNAPSHOT)))
    let red = 0
    for (let y = 18; y < 82; y++) for (let x = 68; x < 132; x++) if (isRed(png, x, y)) red++
    expect(red).toBeGreaterThan(0.5 * 64 * 64)
    expect(isRed(png, 100, 50)).toBe(true)
    expect(isRed(png, 10, 10)).toBe(false)
    const recorded = readFileSync(path.join(dir, SNAPSHOT))

    const connectLog = path.join(dir, 'connects.jsonl')
    const check = await runCli(['check'], dir, { ...env, CI: 'true', IMGMETA_TEST_CONNECT_LOG: connectLog })
    expect(check.stderr).toBe('')
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Snapshots  0 added, 0 updated, 2 unchanged, 0 failed')
    expect(nonLoopbackConnects(connectLog)).toEqual([])
    expect(readFileSync(path.join(dir, SNAPSHOT)).equals(recorded)).toBe(true)
  }, 2 * CHILD_TIMEOUT_MS)
})
