// One local HTTP server standing in for the remote services a real blog's image routes reach: a headless CMS
// (GraphQL over POST, a JSON GET with a query string), a CDN (a font, avatars) and an emoji source. It listens
// on 127.0.0.1 on a port the system picks; routes reach it by `*.imgmeta.test` names (see test-hosts.mjs).
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { PNG } from 'pngjs'
import { defaultFontPath } from '../../../og/fonts.js'

/** What the CMS answers; tests change it between runs. */
export interface CmsContent {
  posts: Record<string, { title: string; accent: string; background: string }>
}

/** A running fake: its base URLs by host name, the requests it served, and how to stop it. */
export interface FakeOrigins {
  port: number
  cmsUrl: string
  cdnUrl: string
  content: CmsContent
  /** `METHOD /path?query` of every request served, in order. */
  served: string[]
  /** Authorization headers the CMS received (the route sends a token; recordings must not keep it). */
  authorizations: string[]
  close(): Promise<void>
}

function avatar(seed: number): Buffer {
  const png = new PNG({ width: 24, height: 24 })
  for (let i = 0; i < 24 * 24; i++) {
    png.data[i * 4] = (seed * 70) % 256
    png.data[i * 4 + 1] = (i * 3 + seed * 40) % 256
    png.data[i * 4 + 2] = 200
    png.data[i * 4 + 3] = 255
  }
  return PNG.sync.write(png)
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeOrigins(content: CmsContent): Promise<FakeOrigins> {
  const font = readFileSync(defaultFontPath())
  const served: string[] = []
  const authorizations: string[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake')
      served.push(`${request.method} ${url.pathname}${url.search}`)
      const json = (value: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=secret-cookie' })
        response.end(JSON.stringify(value))
      }
      if (request.method === 'POST' && url.pathname === '/graphql') {
        authorizations.push(String(request.headers.authorization))
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables: { slug?: string } }
        if (query.includes('posts {')) return json({ data: { posts: Object.keys(content.posts).map((slug) => ({ slug })) } })
        const post = content.posts[variables.slug ?? '']
        return json({ data: { post: post && { title: post.title, accent: post.accent } } })
      }
      if (request.method === 'GET' && url.pathname === '/api/theme') {
        return json({ background: content.posts[url.searchParams.get('post') ?? '']?.background ?? '#000000' })
      }
      if (request.method === 'GET' && url.pathname === '/fonts/Geist-Regular.ttf') {
        response.writeHead(200, { 'content-type': 'font/ttf' })
        return response.end(font)
      }
      const avatarMatch = /^\/avatars\/([a-z]+)\.png$/.exec(url.pathname)
      if (request.method === 'GET' && avatarMatch) {
        response.writeHead(200, { 'content-type': 'image/png' })
        return response.end(avatar([...avatarMatch[1]!].reduce((sum, c) => sum + c.charCodeAt(0), 0)))
      }
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    cmsUrl: `http://cms.imgmeta.test:${port}`,
    cdnUrl: `http://cdn.imgmeta.test:${port}`,
    content,
    served,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
