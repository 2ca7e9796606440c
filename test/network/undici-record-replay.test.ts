// undici's own API end to end: a route that reaches the CMS with undici's `request()` and the `undici` package's
// `fetch`, and the CDN through an `Agent` it makes itself. @mswjs/interceptors does not hook these; imgmeta
// answers them at undici's dispatcher (next-runtime/network/undici-dispatch.ts). `imgmeta update` records them;
// with the services stopped, `CI=true imgmeta check` replays them and opens no socket.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { REPO, runCli } from '../cli/cli-helpers.js'
import { CHILD_TIMEOUT_MS } from '../helpers/vitest-project.js'
import { nonLoopbackConnects } from './support/connect-log.js'
import { startFakeOrigins } from './support/fake-origins.js'
import { networkAppWithRoute } from './support/network-app.js'

const HOSTS_PRELOAD = path.join(REPO, 'test/network/support/test-hosts.mjs')
const HAR = '__image_snapshots__/network/routes.har'

// The shapes of real code: undici's request() for JSON, its fetch for a GraphQL POST, an Agent of its own for
// images.
const UNDICI_ROUTE = `import { ImageResponse } from 'next/og'
import { Agent, fetch as undiciFetch, request } from 'undici'

export const size = { width: 300, height: 150 }
export const contentType = 'image/png'

const images = new Agent({ connections: 4, pipelining: 1 })

export default async function Image() {
  const theme = (await (await request(\`\${process.env.CMS_URL}/api/theme?post=hello\`)).body.json()) as { background: string }
  const response = await undiciFetch(\`\${process.env.CMS_URL}/graphql\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: \`Bearer \${process.env.CMS_TOKEN}\` },
    body: JSON.stringify({ query: 'query Post($slug: String!) { post(slug: $slug) { title accent } }', variables: { slug: 'hello' } }),
  })
  const { data } = (await response.json()) as { data: { post: { title: string; accent: string } } }
  const avatar = await (await request(\`\${process.env.CDN_URL}/avatars/hello.png\`, { dispatcher: images })).body.arrayBuffer()
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', gap: 16, padding: 20, background: theme.background, color: data.post.accent, fontSize: 32 }}>
      <img src={avatar as ArrayBuffer} width={48} height={48} />
      {data.post.title}
    </div>,
    size,
  )
}
`

const appWithRoute = networkAppWithRoute('undici', UNDICI_ROUTE)

function project(): string {
  const dir = appWithRoute()
  // The app declares the undici its route imports (resolved from the repository's node_modules).
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { undici: '7.30.3' } }, null, 2))
  return dir
}

describe('network: undici request(), undici fetch and a custom Agent are recorded and replayed', () => {
  test('update records all three with no request headers; with the services stopped, CI=true check passes and opens no socket', async () => {
    const dir = project()
    const fake = await startFakeOrigins({ posts: { hello: { title: 'Hello undici', accent: '#f8fafc', background: '#1e293b' } } })
    const env = {
      CMS_URL: fake.cmsUrl,
      CDN_URL: fake.cdnUrl,
      NEXT_PUBLIC_SITE_URL: 'https://www.imgmeta-site.test',
      CMS_TOKEN: 'cms-secret-token',
      NODE_OPTIONS: `--import ${HOSTS_PRELOAD}`,
    }
    let update
    try {
      update = await runCli(['update'], dir, env)
    } finally {
      await fake.close()
    }
    expect(update.stderr).toBe('')
    expect(update.code).toBe(0)
    expect(fake.served).toEqual(['GET /api/theme?post=hello', 'POST /graphql', 'GET /avatars/hello.png'])
    expect(update.stdout).toMatch(/Network {4}recorded 3 requests from 2 hosts/)
    const har = readFileSync(path.join(dir, HAR), 'utf8')
    const urls = (JSON.parse(har) as { log: { entries: { request: { method: string; url: string } }[] } }).log.entries.map(
      (e) => `${e.request.method} ${e.request.url.replace(`:${fake.port}`, ':PORT')}`,
    )
    expect(urls).toEqual([
      'GET http://cdn.imgmeta.test:PORT/avatars/hello.png',
      'GET http://cms.imgmeta.test:PORT/api/theme?post=hello',
      'POST http://cms.imgmeta.test:PORT/graphql',
    ])
    expect(fake.authorizations).toEqual(['Bearer cms-secret-token'])
    expect(har).not.toContain('cms-secret-token')
    const snapshot = readFileSync(path.join(dir, '__image_snapshots__/routes/undici/opengraph-image.png'))

    const connectLog = path.join(dir, 'connects.jsonl')
    const check = await runCli(['check'], dir, { ...env, CI: 'true', IMGMETA_TEST_CONNECT_LOG: connectLog })
    expect(check.stderr).toBe('')
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('Snapshots  0 added, 0 updated, 2 unchanged, 0 failed')
    expect(nonLoopbackConnects(connectLog)).toEqual([])
    expect(readFileSync(path.join(dir, '__image_snapshots__/routes/undici/opengraph-image.png')).equals(snapshot)).toBe(true)
  }, 2 * CHILD_TIMEOUT_MS)
})
