// The network layer inside a process that runs image routes: every HTTP(S) request the process makes through
// `fetch` or `node:http`/`node:https` is intercepted with @mswjs/interceptors, the library MSW is built on, which
// hooks those clients without touching user code; undici's own API and dispatchers, which it does not hook, are
// intercepted at undici's dispatcher (undici-dispatch.ts). A request is answered from `public/` when it is on
// the site's own origin, else replayed from the recordings, recorded, or let through, per NetworkSettings.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { BatchInterceptor } from '@mswjs/interceptors'
import { setRemoteLoader } from '../../og/remote-sources.js'
import { ClientRequestInterceptor } from '@mswjs/interceptors/ClientRequest'
import { FetchInterceptor } from '@mswjs/interceptors/fetch'
import { answerFileUrl } from './file-urls.js'
import { bodyPath, makeEntry, readHar, RECORDED_RESPONSE_HEADERS, writeFileAtomic, type HarEntry, type HarHeader } from './har.js'
import { reportNetworkProblem } from './network-problems.js'
import { hostMatches, MAX_RECORDED_RESPONSE_BYTES, ROUTES_HAR_FILE, type NetworkSettings } from './network-settings.js'
import { readPublicFile, siteOrigins } from './own-origin.js'
import { describeRequest, recordingKey, sha256 } from './recording-key.js'
import { interceptUndici, sendForReal, stopInterceptingUndici } from './undici-dispatch.js'
import { logUsage } from './usage-log.js'

/** What one process holds while the layer is installed (on globalThis: one layer per process, whatever loads it). */
interface NetworkState {
  settings: NetworkSettings
  signature: string
  interceptor: BatchInterceptor<[ClientRequestInterceptor, FetchInterceptor]>
  /** The process's fetch from before interception: what recording sends requests with. */
  realFetch: typeof fetch
  recordings: Map<string, HarEntry> | undefined
}

const STATE = Symbol.for('imgmeta.network.state')

function currentState(): NetworkState | undefined {
  return (globalThis as unknown as Record<symbol, NetworkState | undefined>)[STATE]
}

/** Statuses whose response has no body (a Response with one throws). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304])

/** Request headers that belong to one connection, not to the request: not forwarded when recording. */
const HOP_BY_HOP: ReadonlySet<string> = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade'])

/**
 * Installs the network layer in this process with these settings (again with new settings replaces it). Route
 * modules may fetch while they load, so this runs before any route is imported.
 */
export function installNetwork(settings: NetworkSettings): void {
  const signature = JSON.stringify(settings)
  const existing = currentState()
  if (existing?.signature === signature) return
  existing?.interceptor.dispose()
  const realFetch = existing?.realFetch ?? globalThis.fetch
  const interceptor = new BatchInterceptor({
    name: 'imgmeta-network',
    interceptors: [new ClientRequestInterceptor(), new FetchInterceptor()],
  })
  const state: NetworkState = { settings, signature, interceptor, realFetch, recordings: undefined }
  interceptor.on('request', async ({ request, controller }) => {
    const answer = await answerRequest(state, request)
    if (answer instanceof Response) controller.respondWith(answer)
    else if (answer instanceof Error) controller.errorWith(answer)
  })
  interceptor.apply()
  interceptUndici(
    (request) => answerRequest(state, request),
    [settings.root],
    settings.mode === 'replay' ? (origin) => strayConnect(settings, origin) : undefined,
  )
  ;(globalThis as unknown as Record<symbol, NetworkState | undefined>)[STATE] = state
  // The reference renderer's remote <img src> and CSS url() go through the same (intercepted) fetch.
  setRemoteLoader((url) => globalThis.fetch(url))
}

/** Removes the network layer from this process (requests go out as before). */
export function uninstallNetwork(): void {
  currentState()?.interceptor.dispose()
  stopInterceptingUndici()
  setRemoteLoader(undefined)
  ;(globalThis as unknown as Record<symbol, NetworkState | undefined>)[STATE] = undefined
}

/** The settings of the installed layer, if any. */
export function installedNetwork(): NetworkSettings | undefined {
  return currentState()?.settings
}

/** A Response to answer with, an Error to fail with, or undefined to let the request through. */
async function answerRequest(state: NetworkState, request: Request): Promise<Response | Error | undefined> {
  const { settings } = state
  const url = new URL(request.url)
  // A file of the app, as `fetch(new URL('./font.ttf', import.meta.url))` asks for it (see file-urls.ts).
  if (url.protocol === 'file:') return answerFileUrl(request, settings.root)
  // data: and blob: URLs (satori loads its layout engine from one) never leave the process.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (request.method === 'GET' || request.method === 'HEAD') {
    const file = await readPublicFile(url, settings.root, siteOrigins(settings.siteOrigins))
    if (file) {
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
        status: 200,
        headers: { 'content-type': file.contentType, 'content-length': String(file.body.byteLength) },
      })
    }
  }
  const shown = describeRequest(request.method, request.url)
  if (hostMatches(url.hostname, settings.deny)) {
    // The user's choice, not a gap in the recordings: the request fails as a blocked one would, the image does not.
    return new Error(`imgmeta: ${shown}: ${url.hostname} is listed in network.deny in imgmeta.config.ts, so it is never sent nor recorded.`)
  }
  if (settings.mode === 'live' || hostMatches(url.hostname, settings.live)) return undefined

  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.clone().arrayBuffer())
  const bodySha256 = body && body.byteLength > 0 ? sha256(body) : undefined
  const key = recordingKey(request.method, request.url, bodySha256)
  if (settings.mode === 'replay') {
    const entry = recordingsOf(state).get(key)
    if (!entry) {
      return problem(
        shown,
        `${shown}${bodySha256 ? ` (request body sha256 ${bodySha256.slice(0, 12)}…)` : ''} has no recording in ` +
          `${path.join(settings.dir, settings.harFile)}; ${recordAdvice(settings)} with the network reachable to record it.`,
      )
    }
    logUsage(settings.logDir, { key })
    return replay(settings, entry, shown)
  }
  return record(state, request, { body, bodySha256, key, shown })
}

/**
 * A socket undici opens while replaying, other than to a live host: a request that went around the interception
 * (a dispatcher of an undici copy other than the project's). It cannot be stopped there; it fails the image.
 */
function strayConnect(settings: NetworkSettings, origin: string): void {
  let host = origin
  try {
    host = new URL(origin).hostname
  } catch {
    // Shown as given.
  }
  if (hostMatches(host, settings.live)) return
  reportNetworkProblem({
    request: `connect ${origin}`,
    message:
      `a connection to ${origin} was opened while replaying, around imgmeta's network layer: a dispatcher of an ` +
      `undici copy other than the project's own \`undici\` (imgmeta intercepts that one's dispatchers, undici's ` +
      `global dispatcher, fetch and node:http). Use the project's undici or fetch, or list the host in network.live.`,
  })
}

/** Notes the problem for the image test and returns the error the request fails with. */
function problem(request: string, message: string): Error {
  reportNetworkProblem({ request, message })
  return new Error(`imgmeta: ${message}`)
}

function recordingsOf(state: NetworkState): Map<string, HarEntry> {
  state.recordings ??= readHar(path.join(state.settings.dir, state.settings.harFile))
  return state.recordings
}

function replay(settings: NetworkSettings, entry: HarEntry, shown: string): Response | Error {
  const { status, statusText, headers, content } = entry.response
  let body: Uint8Array<ArrayBuffer> | null = null
  if (content._file !== undefined && !NULL_BODY_STATUSES.has(status)) {
    try {
      body = new Uint8Array(readFileSync(path.join(settings.dir, content._file)))
    } catch {
      return problem(shown, `${shown}: its recorded body ${content._file} is missing from ${settings.dir}; run \`imgmeta update\` to record it again.`)
    }
  }
  return new Response(body, { status, statusText, headers: headers.map((h) => [h.name, h.value] as [string, string]) })
}

async function record(
  state: NetworkState,
  request: Request,
  sent: { body: Uint8Array<ArrayBuffer> | undefined; bodySha256: string | undefined; key: string; shown: string },
): Promise<Response | Error> {
  const { settings } = state
  const headers = new Headers()
  request.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) headers.set(name, value)
  })
  let response: Response
  try {
    response = await sendForReal(() =>
      state.realFetch(request.url, {
        method: request.method,
        headers,
        ...(sent.body && sent.body.byteLength > 0 && { body: sent.body }),
        redirect: request.redirect,
      }),
    )
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message
    return problem(sent.shown, `${sent.shown} could not be recorded: ${cause}. Is the server reachable from this machine?`)
  }
  const bytes = await readBounded(response)
  if (bytes === undefined) {
    return problem(
      sent.shown,
      `${sent.shown}: the response is larger than ${MAX_RECORDED_RESPONSE_BYTES} bytes, the most imgmeta records; ` +
        `serve a smaller file or list the host in network.live.`,
    )
  }
  const kept: HarHeader[] = []
  response.headers.forEach((value, name) => {
    if (RECORDED_RESPONSE_HEADERS.has(name)) kept.push({ name, value })
  })
  kept.sort((a, b) => (a.name < b.name ? -1 : 1))
  const hasBody = !NULL_BODY_STATUSES.has(response.status)
  const mimeType = response.headers.get('content-type') ?? ''
  const bodyFile = hasBody ? bodyPath(sha256(bytes), mimeType) : undefined
  // Content-addressed: two workers writing the same body write the same bytes, and the rename is atomic.
  if (bodyFile !== undefined) writeFileAtomic(path.join(settings.dir, bodyFile), bytes)
  const entry = makeEntry(
    { method: request.method, url: request.url, bodySha256: sent.bodySha256, bodySize: sent.body?.byteLength ?? 0 },
    { status: response.status, statusText: response.statusText, headers: kept, bodySize: bytes.byteLength, bodyFile },
  )
  logUsage(settings.logDir, { key: sent.key, recorded: entry })
  return new Response(hasBody ? bytes : null, { status: response.status, statusText: response.statusText, headers: kept.map((h) => [h.name, h.value] as [string, string]) })
}

/** The whole body, or undefined when it passes MAX_RECORDED_RESPONSE_BYTES (reading stops there). */
async function readBounded(response: Response): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!response.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_RECORDED_RESPONSE_BYTES) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/** How to record: the command's recordings are `imgmeta update`'s, the vitest plugin's are a vitest run with -u. */
function recordAdvice(settings: NetworkSettings): string {
  return settings.harFile === ROUTES_HAR_FILE ? 'run `imgmeta update`' : 'run `imgmeta update` (vitest: -u)'
}
