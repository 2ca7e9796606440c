// Requests that check what CONTRACT.md says real Next does with the fixture's URLs (404s, encodings, the
// props the image function gets, cache headers), and that imgmeta's handler answers them alike.
import type { NextMajor } from '../../../src/index.js'
import type { Ledger } from './disagreements.js'
import { get, readAnswer, type ImageAnswer } from './http.js'

/** One request and what Next is documented (and was seen) to answer, per major. */
interface Probe {
  path: string
  why: string
  status: (v: NextMajor) => number
  contentType?: (v: NextMajor) => string
  size?: string
  /** The `type` of the id the image function received. */
  idType?: (v: NextMajor) => string
  cacheControl?: (v: NextMajor) => string
  body?: string
  /** Whether imgmeta's handler is expected to answer the same (false for the app's own HTML 404 page). */
  imgmeta: boolean
}

const PROBES: Probe[] = [
  { path: '/dynamic/big/icon-ahg52g/small', why: "Next's e2e example URL", status: () => 200, size: '48x48', imgmeta: true },
  { path: '/dynamic/big/icon-ahg52g/medium', why: "Next's e2e example URL", status: () => 200, size: '72x72', imgmeta: true },
  { path: '/ids/icon/with%20space', why: 'a browser-encoded space matches the id', status: () => 200, imgmeta: true },
  { path: '/ids/icon/with+space', why: '+ is not a space in a path', status: () => 404, imgmeta: true },
  { path: `/ids/icon/${encodeURIComponent('ünïcode'.normalize('NFD'))}`, why: 'another Unicode normal form', status: () => 404, imgmeta: true },
  { path: '/ids/icon/0100', why: 'ids match as strings', status: () => 404, imgmeta: true },
  { path: '/ids/icon/100.0', why: 'ids match as strings', status: () => 404, imgmeta: true },
  {
    path: '/blog/icon/1',
    why: 'numeric id: 16 passes the URL string, 14/15 the number',
    status: () => 200,
    idType: (v) => (v === 16 ? 'string' : 'number'),
    imgmeta: true,
  },
  {
    path: '/icon/small',
    why: 'image cache-control',
    status: () => 200,
    contentType: () => 'image/png',
    cacheControl: (v) => (v === 16 ? 'public, max-age=0, must-revalidate' : 'public, immutable, no-transform, max-age=31536000'),
    imgmeta: true,
  },
  {
    path: '/icon/imgmeta-unknown',
    why: 'unknown id: 404 from the image route',
    status: () => 404,
    contentType: () => 'text/plain;charset=UTF-8',
    body: 'Not Found',
    imgmeta: true,
  },
  { path: '/icon/small/extra', why: 'extra segment: 14 image routes are optional catch-alls', status: (v) => (v === 14 ? 200 : 404), imgmeta: true },
  {
    path: '/icon',
    why: 'no id segment: the app 404 page on 15/16, a plain 404 on 14',
    status: () => 404,
    contentType: (v) => (v === 14 ? 'text/plain;charset=UTF-8' : 'text/html; charset=utf-8'),
    imgmeta: false,
  },
]

/** Runs every probe against Next (and against imgmeta where it applies); returns the number of requests. */
export async function runContractProbes(
  origin: string,
  version: NextMajor,
  ledger: Ledger,
  predict: (pathname: string) => Promise<ImageAnswer | { error: string }>,
): Promise<number> {
  let requests = 0
  for (const probe of PROBES) {
    const where = `${probe.path} (${probe.why})`
    const next = await readAnswer(await get(origin, probe.path), probe.path)
    requests++
    ledger.check('contract', where, 'status', next.status, probe.status(version))
    if (probe.contentType) ledger.check('contract', where, 'content-type', next.contentType, probe.contentType(version))
    if (probe.size) ledger.check('contract', where, 'PNG size', `${next.width}x${next.height}`, probe.size)
    if (probe.idType) ledger.check('contract', where, 'id type given to the image function', probeField(next.probe, 'type'), probe.idType(version))
    if (probe.cacheControl) ledger.check('contract', where, 'cache-control', next.cacheControl, probe.cacheControl(version))
    if (probe.body !== undefined) ledger.check('contract', where, 'body', next.text, probe.body)
    if (!probe.imgmeta) continue
    const ours = await predict(probe.path)
    if ('error' in ours) {
      ledger.fail('imgmeta', where, 'handler', `${next.status}`, ours.error)
      continue
    }
    ledger.check('imgmeta', where, 'status', next.status, ours.status)
    if (next.status === 200) ledger.check('imgmeta', where, 'PNG size', `${next.width}x${next.height}`, `${ours.width}x${ours.height}`)
    if (probe.idType) ledger.check('imgmeta', where, 'id type given to the image function', probeField(next.probe, 'type'), probeField(ours.probe, 'type'))
  }

  // Any query, or none, serves the same image.
  const plain = await readAnswer(await get(origin, '/icon/small'), '/icon/small')
  const queried = await readAnswer(await get(origin, '/icon/small?imgmeta=1'), '/icon/small?imgmeta=1')
  requests += 2
  ledger.check('contract', '/icon/small?imgmeta=1', 'same bytes as without the query', Buffer.from(queried.bytes).equals(Buffer.from(plain.bytes)), true)
  return requests
}

function probeField(probe: string | undefined, field: string): unknown {
  if (probe === undefined) return undefined
  return (JSON.parse(decodeURIComponent(probe)) as Record<string, unknown>)[field]
}
