import path from 'node:path'
import { imageRoutePath, type ImageRoute, type Params } from '../src/route.js'

/** The describe block testImageRoutes puts its tests in; its name is not part of snapshot names. */
const SUITE_PREFIX = /^image routes > /

/**
 * The snapshot identifier of an image test, from its name (the URL path Next serves it at: `/blog/a/opengraph-image/1`):
 * the path itself, as folders under the snapshot folder, each segment made safe for every file system.
 * Names do not depend on the generated test file or on sharding, so snapshots survive both.
 */
export function snapshotIdentifierForTest(currentTestName: string): string {
  const name = currentTestName.replace(SUITE_PREFIX, '').replace(/^\/+/, '')
  return name
    .split('/')
    .map((segment) => safeSegment(segment))
    .join('/')
}

/** Keeps letters, digits, `-`, `_`, `.`, `(`, `)`, `%`, `[`, `]`; encodes the rest; `.`/`..` become `%2E`. */
function safeSegment(segment: string): string {
  if (segment === '' || segment === '.' || segment === '..') return segment.replace(/\./g, '%2E') || '%20'
  return segment.replace(/[^A-Za-z0-9\-_.()%[\]]/gu, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  )
}

/** The reference snapshot `imgmeta check` compares an image with: the same name its test gives it. */
export function snapshotFileFor(
  snapshotDir: string,
  route: ImageRoute,
  params: Params,
  id: string | number | undefined,
): string {
  const routePath = imageRoutePath(route, params)
  const testName = id === undefined ? routePath : `${routePath}/${String(id)}`
  return path.join(snapshotDir, `${snapshotIdentifierForTest(testName)}.png`)
}
