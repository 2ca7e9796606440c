// next/og's refusal of <img> sources on local and private addresses, per release, through `imgmeta update`: the
// project's installed next decides. Next 16.4.6 (the repository's own next) refuses a loopback image and the
// default own origin http://localhost:3000; Next 14.2.35 (the stand-in in test/fixtures/next-14.2.35-standin,
// whose bundle, like the real one, has no such check) records the loopback image and serves the own origin from
// public/, as that release's next/og fetches both.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { copyFixture, listFiles, REPO, runCli } from '../cli/cli-helpers.js'
import { CHILD_TIMEOUT_MS } from '../helpers/vitest-project.js'

const LOOPBACK_ROUTE = `import { ImageResponse } from 'next/og'

export const size = { width: 40, height: 40 }
export const contentType = 'image/png'

// A developer's local image server, by address: fetched by next/og 14.2–16.1, refused by 16.4.
export default function Image() {
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#ffffff' }}>
      <img src={\`\${process.env.LOOPBACK_URL}/dot.png\`} width={40} height={40} />
    </div>,
    size,
  )
}
`

let server: http.Server
let loopbackUrl = ''
const created: string[] = []

/** A solid red 8×8 PNG. */
function redDot(): Buffer {
  const png = new PNG({ width: 8, height: 8 })
  for (let i = 0; i < 64; i++) png.data.set([255, 0, 0, 255], i * 4)
  return PNG.sync.write(png)
}

beforeAll(async () => {
  const dot = redDot()
  server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png' })
    response.end(dot)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  loopbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

/** The network app with two routes: the icon of http://localhost:3000/images/x.png and the loopback image. */
function project(next: 'repository' | '14.2.35'): string {
  const dir = copyFixture('network-app')
  created.push(dir)
  rmSync(path.join(dir, 'app/blog'), { recursive: true })
  mkdirSync(path.join(dir, 'app/loopback'), { recursive: true })
  writeFileSync(path.join(dir, 'app/loopback/opengraph-image.tsx'), LOOPBACK_ROUTE)
  if (next === '14.2.35') {
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true })
    cpSync(path.join(REPO, 'test/fixtures/next-14.2.35-standin'), path.join(dir, 'node_modules/next'), { recursive: true })
  }
  return dir
}

/** The environment: no site URL, so the own origin is next start's default, http://localhost:3000. */
function env(): Record<string, string | undefined> {
  return { LOOPBACK_URL: loopbackUrl, NEXT_PUBLIC_SITE_URL: undefined, VERCEL_URL: undefined, CI: undefined }
}

function redShare(file: string): number {
  const png = PNG.sync.read(readFileSync(file))
  let red = 0
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! > 200 && png.data[i + 1]! < 60 && png.data[i + 2]! < 60) red++
  return red / (png.width * png.height)
}

describe('SSRF refusal follows the installed Next release', () => {
  test('next 16.4.6 refuses the loopback image and http://localhost:3000, naming each URL', async () => {
    const dir = project('repository')
    const run = await runCli(['update'], dir, env())
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`Image source resolves to a blocked address (SSRF protection): ${loopbackUrl}/dot.png`)
    expect(run.stdout).toContain('Image source resolves to a blocked address (SSRF protection): http://localhost:3000/images/x.png')
    expect(listFiles(path.join(dir, '__image_snapshots__')).filter((f) => f.endsWith('.png'))).toEqual([])
  }, CHILD_TIMEOUT_MS)

  test('next 14.2.35 records and draws the loopback image, and serves http://localhost:3000 from public/', async () => {
    const dir = project('14.2.35')
    const run = await runCli(['update'], dir, env())
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Network    recorded 1 request from 1 host (127.0.0.1')
    expect(listFiles(path.join(dir, '__image_snapshots__/routes'))).toEqual(['icon.png', 'loopback/opengraph-image.png'])
    expect(redShare(path.join(dir, '__image_snapshots__/routes/loopback/opengraph-image.png'))).toBe(1)
    const har = readFileSync(path.join(dir, '__image_snapshots__/network/routes.har'), 'utf8')
    expect(har).toContain(`${loopbackUrl}/dot.png`)
    expect(har).not.toContain('localhost:3000')
  }, CHILD_TIMEOUT_MS)
})
