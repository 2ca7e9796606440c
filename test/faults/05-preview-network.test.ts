// Item 5 (preview) with the network layer: preview rendered with the live network, so a route that fetches
// showed something else than `imgmeta check` replays, or hung on a server that is not running.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, test } from 'vitest'
import { timeoutOf } from '../helpers/timeouts.js'
import { faultProject, runCli, writeProjectFile } from './fault-project.js'
import { galleryOf, startPreview } from './preview-process.js'

/** A route drawing a colour from a CMS (FEED_URL) and a label colour from the site's own origin (public/). */
const FEED_ROUTE = `
import { ImageResponse } from 'next/og'
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default async function Image() {
  const theme = await (await fetch(process.env.FEED_URL + '/theme.json')).json()
  const own = await (await fetch('http://localhost:3000/brand.json')).json()
  return new ImageResponse(
    <div style={{ display: 'flex', width: '100%', height: '100%', background: theme.background }}>
      <div style={{ display: 'flex', width: 40, height: 40, background: own.accent }} />
    </div>,
    size,
  )
}
`

/** A route asking for a URL that was never recorded; it catches the failure and draws a fallback. */
const UNRECORDED_ROUTE = `
import { ImageResponse } from 'next/og'
export const size = { width: 120, height: 63 }
export const contentType = 'image/png'
export default async function Image() {
  const theme = await fetch(process.env.FEED_URL + '/never-recorded.json').then((r) => r.json(), () => ({ background: '#000' }))
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: theme.background }} />, size)
}
`

/** A local stand-in for the CMS: answers /theme.json, counts the requests it got. */
async function startFeed(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = []
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url === '/theme.json') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ background: '#0e7490' }))
    } else {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('5. preview replays what check replays', () => {
  test(
    '5. preview: a route fetching a recorded URL renders from routes.har with no server running, own-origin URLs from public/; an unrecorded request is the network finding on that image',
    async () => {
      const dir = faultProject()
      writeProjectFile(dir, 'app/feed/opengraph-image.tsx', FEED_ROUTE)
      writeProjectFile(dir, 'public/brand.json', JSON.stringify({ accent: '#fde047' }))
      const feed = await startFeed()
      const env = { FEED_URL: feed.url }
      try {
        const update = await runCli(['update'], dir, env)
        expect(update.code).toBe(0)
      } finally {
        await feed.close()
      }
      // Recorded once, from the CMS only: public/ was served by the network layer.
      expect(feed.requests).toEqual(['/theme.json'])
      writeProjectFile(dir, 'app/unrecorded/opengraph-image.tsx', UNRECORDED_ROUTE)

      const preview = await startPreview(dir, [], env)
      try {
        const gallery = await galleryOf(preview.url)
        const fed = gallery.images.find((image) => image.file === 'app/feed/opengraph-image.tsx')
        expect(fed?.error).toBeUndefined()
        // The same pixels `imgmeta update` rendered with the live CMS.
        expect(fed?.snapshot?.status).toBe('identical')
        const unrecorded = gallery.images.find((image) => image.file === 'app/unrecorded/opengraph-image.tsx')
        expect(unrecorded?.error).toContain(
          `/unrecorded/opengraph-image: a request failed\n  GET ${feed.url}/never-recorded.json has no recording in ${dir}/__image_snapshots__/network/routes.har;`,
        )
        expect(gallery.images.filter((image) => image.error === undefined)).toHaveLength(8)
      } finally {
        preview.child.kill('SIGINT')
      }
      // And `imgmeta check` gives the same finding for the same request.
      const check = await runCli(['check'], dir, env)
      expect(check.code).toBe(1)
      expect(check.stdout).toContain(`GET ${feed.url}/never-recorded.json has no recording in`)
    },
    timeoutOf(2),
  )
})
