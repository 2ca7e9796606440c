import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, watch, type FSWatcher } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { compareImages, diffComposite } from '../../matchers/diff.js'
import type { RunOptions } from '../run-options.js'
import { findImageRoutes } from '../../src/app.js'
import { networkSettings, paramsByRouteFile } from '../run-vitest.js'
import { snapshotFileFor } from '../snapshot-files.js'
import type { Gallery } from './gallery.js'
import { startRenderer } from './render-process.js'
import { renderPage, type SnapshotView } from './page.js'
import { isAllowedRequest, resolveInside } from './request-guard.js'

/** How long file changes are gathered before one re-render. */
export const REBUILD_DEBOUNCE_MS = 120

/** A running preview. */
export interface PreviewServer {
  url: string
  port: number
  /** Renders everything again now (also what a file change triggers). */
  rebuild(): Promise<void>
  close(): Promise<void>
}

/** Options of the preview: a resolved run plus the port (0 = any free port). */
export type PreviewOptions = RunOptions & { port: number }

interface State {
  gallery: Gallery
  generation: number
  snapshots: Map<string, SnapshotView>
  diffs: Map<string, Buffer>
  references: Map<string, string>
}

/**
 * Starts the gallery server on 127.0.0.1; a render process (vite with the project's config, tsconfig paths and
 * the next/og alias) loads and renders the route files; a change under the app folder re-renders and tells
 * open pages to reload.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  // Routes load and render in a process of their own (render-child.ts), which a route blocking its thread cannot
  // take this server down with: it is killed at the hard deadline and replaced.
  const workDir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'imgmeta-preview-')))
  const renderer = await startRenderer({
    root: options.root,
    appDir: options.appDir,
    renderer: options.renderer,
    params: paramsByRouteFile(options.root, await findImageRoutes(options.appDir), options.params),
    metadataBase: options.metadataBase,
    nextVersion: options.nextVersion,
    timeoutMs: options.timeoutMs,
    // The recordings `imgmeta check` replays (routes.har); a request with none fails its image, as in check.
    network: networkSettings(options, path.join(workDir, 'network-log')),
    deadlineLog: path.join(workDir, 'deadlines.jsonl'),
  }).catch((error: unknown) => {
    rmSync(workDir, { recursive: true, force: true })
    throw error
  })

  const state: State = {
    gallery: { images: [], errors: [], truncated: false },
    generation: 0,
    snapshots: new Map(),
    diffs: new Map(),
    references: new Map(),
  }
  const clients = new Set<http.ServerResponse>()

  let building: Promise<void> | undefined
  let again = false
  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true
      return building
    }
    building = (async () => {
      do {
        again = false
        let gallery: Gallery
        try {
          gallery = await renderer.build()
        } catch (error) {
          gallery = { images: [], errors: [{ file: '', message: (error as Error).message }], truncated: false }
        }
        const generation = state.generation + 1
        Object.assign(state, { gallery, generation, ...compareWithSnapshots(gallery, options, generation) })
      } while (again)
    })().finally(() => {
      building = undefined
    })
    await building
    for (const client of clients) client.write(`event: rebuilt\ndata: ${state.generation}\n\n`)
  }
  await rebuild()

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(String((error as Error).message))
    })
  })
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const port = (server.address() as AddressInfo).port
    if (!isAllowedRequest({ host: request.headers.host, origin: request.headers.origin }, port)) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden: imgmeta preview answers only to http://127.0.0.1 and localhost.')
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed')
    // URL parsing would quietly resolve `..`: a request that tries to climb out is refused as such.
    if (hasDotSegment(request.url ?? '/')) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden')
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/') {
      return send(response, 200, 'text/html; charset=utf-8', renderPage({ ...state, appDir: path.relative(options.root, options.appDir) || '.', renderer: options.renderer, nextVersion: options.nextVersion }))
    }
    if (url.pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
      response.write(`event: hello\ndata: ${state.generation}\n\n`)
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === '/gallery.json') {
      const images = state.gallery.images.map((i) => ({ key: i.key, file: i.file, id: i.id, declared: i.declared, real: i.real, problems: i.problems, error: i.error, versions: i.versions, snapshot: state.snapshots.get(i.key) }))
      // `building`: a render is under way (this is the previous one's gallery until it ends).
      return send(response, 200, 'application/json', JSON.stringify({ generation: state.generation, building: building !== undefined, images, errors: state.gallery.errors }))
    }
    let match = /^\/image\/(\d+)\.png$/.exec(url.pathname)
    if (match) {
      const image = state.gallery.images.find((i) => i.key === match![1])
      if (!image?.png) return send(response, 404, 'text/plain; charset=utf-8', 'Not Found')
      return send(response, 200, image.real?.type ?? 'image/png', Buffer.from(image.png))
    }
    match = /^\/diff\/(\d+)\.png$/.exec(url.pathname)
    if (match) {
      const diff = state.diffs.get(match[1]!)
      return diff ? send(response, 200, 'image/png', diff) : send(response, 404, 'text/plain; charset=utf-8', 'Not Found')
    }
    if (url.pathname.startsWith('/snapshot/')) {
      const file = resolveInside(options.snapshotDir, url.pathname.slice('/snapshot/'.length), ['.png'])
      if (!file) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden')
      if (!existsSync(file)) return send(response, 404, 'text/plain; charset=utf-8', 'Not Found')
      return send(response, 200, 'image/png', readFileSync(file))
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'Not Found')
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  let timer: NodeJS.Timeout | undefined
  const watchers: FSWatcher[] = [options.appDir, ...existingDirs([path.join(options.root, 'components'), path.join(options.root, 'src')])]
    .filter((dir, i, all) => all.indexOf(dir) === i && !all.some((other) => other !== dir && dir.startsWith(other + path.sep)))
    .map((dir) =>
      watch(dir, { recursive: true }, () => {
        clearTimeout(timer)
        timer = setTimeout(() => void rebuild().catch(() => {}), REBUILD_DEBOUNCE_MS)
      }),
    )

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    rebuild,
    async close() {
      clearTimeout(timer)
      for (const w of watchers) w.close()
      for (const client of clients) client.end()
      clients.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      // First the render process (killed if a route holds it), so that a render under way ends now.
      await renderer.close()
      await building?.catch(() => {})
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The page loads only its own images and script; nothing can be framed or fetched from elsewhere.
    'content-security-policy': "default-src 'self'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'none'",
  })
  response.end(body)
}

function hasDotSegment(rawUrl: string): boolean {
  const pathPart = rawUrl.split('?')[0] ?? ''
  let decoded = pathPart
  try {
    decoded = decodeURIComponent(pathPart)
  } catch {
    return true
  }
  return decoded.split(/[/\\]/).some((segment) => segment === '..' || segment === '.')
}

function existingDirs(dirs: string[]): string[] {
  return dirs.filter((dir) => existsSync(dir))
}

function compareWithSnapshots(gallery: Gallery, options: PreviewOptions, generation: number) {
  const snapshots = new Map<string, SnapshotView>()
  const diffs = new Map<string, Buffer>()
  const references = new Map<string, string>()
  for (const image of gallery.images) {
    const reference = snapshotFileFor(options.snapshotDir, image.route, image.params, image.id)
    if (!existsSync(reference) || !image.png) continue
    references.set(image.key, reference)
    const rel = path.relative(options.snapshotDir, reference).split(path.sep).map(encodeURIComponent).join('/')
    let status = 'identical'
    let diffUrl: string | undefined
    try {
      const result = compareImages(image.png, readFileSync(reference), {
        customDiffConfig: { threshold: options.threshold },
        referenceLabel: reference,
        receivedLabel: `${image.file} id ${String(image.id)}`,
      })
      if (!result.identical) {
        status = result.pass ? 'matches within threshold' : `${result.diffPixelCount} pixels differ`
        if (result.images) {
          diffs.set(image.key, diffComposite(result.images))
          diffUrl = `/diff/${image.key}.png?g=${generation}`
        }
      }
    } catch (error) {
      status = (error as Error).message
    }
    snapshots.set(image.key, { referenceUrl: `/snapshot/${rel}?g=${generation}`, diffUrl, status })
  }
  return { snapshots, diffs, references }
}
