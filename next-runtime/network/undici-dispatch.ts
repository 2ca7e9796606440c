// undici's own API — `request`, `stream`, `fetch` of the `undici` package — and dispatchers a route makes itself
// (`new Agent()`, Pool, Client, ProxyAgent) never pass through `globalThis.fetch` or `node:http`, so
// @mswjs/interceptors 0.41 (interceptors for ClientRequest, fetch and XMLHttpRequest only) does not see them.
// Every one of them ends in a dispatcher's `dispatch(opts, handler)`: imgmeta answers there, through the same
// decision as every other request (intercept.ts), in two places:
// - the global dispatcher (`globalThis[Symbol.for('undici.globalDispatcher.1')]`, shared by Node's bundled
//   undici and every copy of the npm package) is wrapped: undici's API without a `dispatcher` option;
// - `dispatch` of the dispatcher classes of the project's `undici` (declared in its package.json) is wrapped on
//   their shared base prototype: dispatchers the route constructs.
// A request that still reaches a socket some other way (a dispatcher of another undici copy) is caught by
// undici's `undici:client:beforeConnect` diagnostics channel while replaying: it fails its image with a finding.
import { AsyncLocalStorage } from 'node:async_hooks'
import diagnosticsChannel from 'node:diagnostics_channel'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** The answer to one request: a Response, an Error to fail with, or undefined to send it for real. */
export type AnswerRequest = (request: Request) => Promise<Response | Error | undefined>

/** What undici hands a dispatcher (the fields imgmeta reads). */
interface DispatchOptions {
  origin?: string | URL
  path: string
  method: string
  headers?: unknown
  body?: unknown
  query?: Record<string, unknown>
  upgrade?: string | null
  [key: symbol]: unknown
}

/** undici's handler: the legacy callbacks (Node's bundled undici 6) or the controller-based ones (undici 7). */
interface DispatchHandler {
  onConnect?(abort: (reason?: Error) => void, context?: object): void
  onHeaders?(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean | void
  onData?(chunk: Buffer): boolean | void
  onComplete?(trailers: Buffer[] | null): void
  onError?(error: Error): void
  onRequestStart?(controller: object, context: object): void
  onResponseStart?(controller: object, status: number, headers: Record<string, string | string[]>, statusText: string): void
  onResponseData?(controller: object, chunk: Buffer): void
  onResponseEnd?(controller: object, trailers: Record<string, string>): void
  onResponseError?(controller: object, error: Error): void
}

type Dispatch = (this: unknown, opts: DispatchOptions, handler: DispatchHandler) => boolean

/** Marks options imgmeta has already decided on (copied along by undici's own `{ ...opts }`). */
const DECIDED = Symbol.for('imgmeta.network.decided')
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1')
const ORIGINAL = Symbol.for('imgmeta.network.originalDispatch')

/**
 * One per process, on globalThis: the layer may be loaded as separate module instances, and a wrapped prototype
 * must see the answer of the layer installed last.
 */
interface Shared {
  answer: AnswerRequest | undefined
  /** Set while imgmeta itself sends a request for real: its dispatches and connects are not intercepted again. */
  sendingForReal: AsyncLocalStorage<boolean>
  connectWatch: ((message: unknown) => void) | undefined
}

const SHARED = Symbol.for('imgmeta.network.undici')

function shared(): Shared {
  const holder = globalThis as unknown as Record<symbol, Shared | undefined>
  holder[SHARED] ??= { answer: undefined, sendingForReal: new AsyncLocalStorage<boolean>(), connectWatch: undefined }
  return holder[SHARED]
}

/** Runs `send` (which sends a request for real) so that the interception lets its dispatches through. */
export function sendForReal<T>(send: () => Promise<T>): Promise<T> {
  return shared().sendingForReal.run(true, send)
}

function headerEntries(headers: unknown): [string, string][] {
  const out: [string, string][] = []
  if (headers == null) return out
  if (Array.isArray(headers)) {
    if (headers.length > 0 && Array.isArray(headers[0])) {
      for (const [name, value] of headers as [unknown, unknown][]) out.push([String(name), String(value)])
    } else {
      for (let i = 0; i + 1 < headers.length; i += 2) out.push([String(headers[i]), String(headers[i + 1])])
    }
    return out
  }
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of headers as Iterable<[unknown, unknown]>) out.push([String(name), String(value)])
    return out
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) out.push([name, String(one)])
  }
  return out
}

async function bodyBytes(body: unknown): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (body == null) return undefined
  if (typeof body === 'string') return new Uint8Array(Buffer.from(body))
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0))
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer)
  if (typeof Blob !== 'undefined' && body instanceof Blob) return new Uint8Array(await body.arrayBuffer())
  if (typeof FormData !== 'undefined' && body instanceof FormData) return new Uint8Array(await new Response(body).arrayBuffer())
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' || typeof (body as Iterable<unknown>)[Symbol.iterator] === 'function') {
    const chunks: Buffer[] = []
    for await (const chunk of body as AsyncIterable<unknown>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array))
    return new Uint8Array(Buffer.concat(chunks))
  }
  return undefined
}

function urlOf(opts: DispatchOptions): string {
  const url = new URL(opts.path, opts.origin)
  for (const [name, value] of Object.entries(opts.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(one))
  }
  return url.href
}

/** Plays a whole response into undici's handler, in either handler style. */
async function respond(handler: DispatchHandler, response: Response): Promise<void> {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  let aborted = false
  if (typeof handler.onResponseStart === 'function') {
    const controller = { paused: false, aborted: false, reason: null, abort: () => (aborted = true), pause() {}, resume() {} }
    const headers: Record<string, string | string[]> = {}
    response.headers.forEach((value, name) => {
      const had = headers[name]
      headers[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value]
    })
    handler.onRequestStart?.(controller, {})
    if (!aborted) handler.onResponseStart(controller, response.status, headers, response.statusText)
    if (!aborted && body && body.byteLength > 0) handler.onResponseData?.(controller, body)
    if (!aborted) handler.onResponseEnd?.(controller, {})
    return
  }
  handler.onConnect?.(() => (aborted = true), {})
  const raw: Buffer[] = []
  response.headers.forEach((value, name) => raw.push(Buffer.from(name), Buffer.from(value)))
  if (!aborted) handler.onHeaders?.(response.status, raw, () => {}, response.statusText)
  if (!aborted && body && body.byteLength > 0) handler.onData?.(body)
  if (!aborted) handler.onComplete?.([])
}

function fail(handler: DispatchHandler, error: Error): void {
  if (typeof handler.onResponseError === 'function') handler.onResponseError({ abort() {}, pause() {}, resume() {} }, error)
  else handler.onError?.(error)
}

/** `dispatch` as imgmeta answers it: decides, then answers, fails, or sends through `original`. */
function intercepted(original: Dispatch): Dispatch {
  return function (this: unknown, opts, handler) {
    const { answer: decide, sendingForReal } = shared()
    let protocol: string | undefined
    try {
      protocol = opts.origin === undefined ? undefined : new URL(opts.origin).protocol
    } catch {
      // Not a URL: undici reports it itself.
    }
    if (!decide || sendingForReal.getStore() || opts[DECIDED] || opts.upgrade || (protocol !== 'http:' && protocol !== 'https:')) {
      return original.call(this, opts, handler)
    }
    void (async () => {
      const body = await bodyBytes(opts.body)
      const request = new Request(urlOf(opts), {
        method: opts.method,
        headers: headerEntries(opts.headers),
        ...(body && opts.method !== 'GET' && opts.method !== 'HEAD' && { body }),
      })
      const result = await decide(request)
      if (result instanceof Response) return respond(handler, result)
      if (result instanceof Error) return fail(handler, result)
      // Sent for real (a live host, or recording): the body was read, so it is sent as the bytes read.
      const sent = { ...opts, ...(opts.body != null && { body: body ? Buffer.from(body) : opts.body }), [DECIDED]: true }
      sendingForReal.run(true, () => original.call(this, sent, handler))
    })().catch((error: unknown) => fail(handler, error as Error))
    return true
  }
}

/** Wraps `dispatch` of `proto` (once per prototype, whatever number of installs). */
function wrapPrototype(proto: Record<PropertyKey, unknown>): void {
  if (Object.hasOwn(proto, ORIGINAL)) return
  const original = proto.dispatch as Dispatch
  Object.defineProperty(proto, ORIGINAL, { value: original })
  proto.dispatch = intercepted(original)
}

/** True when the project's package.json declares `undici` (the only undici its own code may import). */
function declaresUndici(packageJson: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, Record<string, string> | undefined>
    return ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].some((field) => pkg[field]?.undici !== undefined)
  } catch {
    return false
  }
}

/**
 * The base prototype that holds `dispatch` for the dispatcher classes of the project's undici. Loaded only when
 * the project declares it: loading undici costs a worker 0.1–0.3 s, and code that imports it must declare it.
 */
function undiciDispatchPrototype(root: string): Record<PropertyKey, unknown> | undefined {
  const packageJson = path.join(root, 'package.json')
  if (!declaresUndici(packageJson)) return undefined
  let undici: { Agent?: { prototype: object } }
  try {
    undici = createRequire(packageJson)('undici') as typeof undici
  } catch {
    return undefined
  }
  let proto = undici.Agent?.prototype as Record<PropertyKey, unknown> | undefined
  while (proto && !Object.hasOwn(proto, 'dispatch')) proto = Object.getPrototypeOf(proto) as Record<PropertyKey, unknown> | undefined
  return proto
}

/** The global dispatcher imgmeta put in place, and the one it wraps. */
interface GlobalWrapper {
  dispatch: Dispatch
  inner: { dispatch: Dispatch; close?: () => unknown; destroy?: () => unknown }
  close(): unknown
  destroy(): unknown
}

function wrapGlobalDispatcher(): void {
  const holder = globalThis as unknown as Record<symbol, GlobalWrapper | GlobalWrapper['inner'] | undefined>
  const current = holder[GLOBAL_DISPATCHER]
  if (!current || (current as GlobalWrapper).inner) return
  const inner = current
  const wrapper: GlobalWrapper = {
    inner,
    dispatch: intercepted((opts, handler) => inner.dispatch(opts, handler)),
    close: () => inner.close?.(),
    destroy: () => inner.destroy?.(),
  }
  holder[GLOBAL_DISPATCHER] = wrapper
}

/**
 * Intercepts undici's API and dispatchers with `decide`. `roots` are project folders whose declared `undici` has
 * its dispatcher classes wrapped. `onStrayConnect`, when given, is told of every socket undici opens other than for
 * imgmeta's own sending: while replaying, that is a request that went around the interception.
 */
export function interceptUndici(decide: AnswerRequest, roots: string[], onStrayConnect?: (origin: string) => void): void {
  const state = shared()
  state.answer = decide
  for (const root of roots) {
    const proto = undiciDispatchPrototype(root)
    if (proto) wrapPrototype(proto)
  }
  // Loading the npm undici set the global dispatcher if none was; wrap whichever is there now.
  wrapGlobalDispatcher()
  unwatchConnects(state)
  if (onStrayConnect) {
    state.connectWatch = (message) => {
      if (state.sendingForReal.getStore()) return
      const params = (message as { connectParams?: { hostname?: string; host?: string; port?: string | number; protocol?: string } }).connectParams
      onStrayConnect(`${params?.protocol ?? ''}//${params?.hostname ?? params?.host ?? '?'}${params?.port ? `:${params.port}` : ''}`)
    }
    diagnosticsChannel.subscribe('undici:client:beforeConnect', state.connectWatch)
  }
}

function unwatchConnects(state: Shared): void {
  if (state.connectWatch) diagnosticsChannel.unsubscribe('undici:client:beforeConnect', state.connectWatch)
  state.connectWatch = undefined
}

/** Stops answering undici's requests: they go out as before (the wrapped dispatch sends them through). */
export function stopInterceptingUndici(): void {
  const state = shared()
  state.answer = undefined
  unwatchConnects(state)
  const holder = globalThis as unknown as Record<symbol, GlobalWrapper | undefined>
  const current = holder[GLOBAL_DISPATCHER]
  if (current?.inner) (holder as Record<symbol, unknown>)[GLOBAL_DISPATCHER] = current.inner
}
