// The differential comparison for one served fixture app: page tags, image responses, unknown ids and pixels,
// real Next on one side and imgmeta's reference implementation, running the same route files, on the other.
import path from 'node:path'
import * as imgmeta from '../../../src/index.js'
import type { HeadTag, ImageRoute, NextMajor } from '../../../src/index.js'
import type { Ledger } from './disagreements.js'
import { imageTagsFromHtml, type ServedTag } from './html-tags.js'
import { get, readAnswer, requestPath, type ImageAnswer } from './http.js'
import type { FixturePage } from './pages.js'
import { diffPng, type PixelDiff } from './pixels.js'

/** What the fixture run measured, for the summary table. */
export interface FixtureStats {
  pages: number
  tags: number
  images: number
  pixelImages: number
  worst: { label: string; diff: PixelDiff } | undefined
}

/** Everything the comparison needs about the build and the two sides. */
export interface FixtureContext {
  origin: string
  appDir: string
  nextVersion: NextMajor
  /** Turbopack's query is xxh3-64 of the file: compared exactly; webpack's is another hash: presence only. */
  turbopack: boolean
  /** The base Next made og/twitter URLs absolute with (no metadataBase: localhost and the build-time PORT). */
  metadataBase: string
  load: (file: string) => Promise<Record<string, unknown>>
  ledger: Ledger
  log: (line: string) => void
  /** Pixel differences count as disagreements only where the reference renderer claims parity. */
  pixelParity: boolean
}

type PageImageTags = (appDir: string, pathname: string, options: { nextVersion: NextMajor; metadataBase: string; load: (file: string) => Promise<unknown>; bundler: 'turbopack' | 'webpack' }) => Promise<HeadTag[]>

/** Compares every page and image of the served fixture with imgmeta's predictions. */
export async function compareFixture(ctx: FixtureContext, pages: FixturePage[]): Promise<FixtureStats> {
  const stats: FixtureStats = { pages: 0, tags: 0, images: 0, pixelImages: 0, worst: undefined }
  const imagePaths = new Set<string>()
  const pageImageTags = (imgmeta as unknown as { pageImageTags?: PageImageTags }).pageImageTags
  if (typeof pageImageTags !== 'function') ctx.log('imgmeta exports no pageImageTags yet: page tags are not compared')

  for (const page of pages) {
    const response = await get(ctx.origin, page.pathname)
    const html = await response.text()
    stats.pages++
    ctx.ledger.check('contract', page.pathname, 'page status', response.status, 200)
    const served = imageTagsFromHtml(html)
    for (const tag of served) if (URL_KEYS.has(tag.key) && isLocal(tag.value, ctx.metadataBase)) imagePaths.add(requestPath(tag.value))
    stats.tags += served.length
    if (typeof pageImageTags !== 'function') continue
    let predicted: ServedTag[]
    try {
      predicted = (await pageImageTags(ctx.appDir, page.pathname, { nextVersion: ctx.nextVersion, metadataBase: ctx.metadataBase, load: ctx.load, bundler: ctx.turbopack ? 'turbopack' : 'webpack' })).map(fromHeadTag)
    } catch (error) {
      ctx.ledger.fail('imgmeta', page.pathname, 'pageImageTags', `${served.length} tags`, `threw ${String(error)}`)
      continue
    }
    compareTags(ctx, page.pathname, served, predicted)
  }

  const routes = await imgmeta.findImageRoutes(ctx.appDir)
  const unknownIdBases = new Set<string>()
  for (const pathAndQuery of [...imagePaths].sort()) {
    const pathname = pathAndQuery.split('?')[0] as string
    const next = await readAnswer(await get(ctx.origin, pathAndQuery), pathname)
    const predicted = await predictImage(ctx, routes, pathname)
    stats.images++
    ctx.ledger.check('contract', pathname, 'image status', next.status, 200)
    if ('error' in predicted) {
      ctx.ledger.fail('imgmeta', pathname, 'image', `${next.status} ${next.contentType}`, predicted.error)
      continue
    }
    if (predicted.withIds) unknownIdBases.add(pathname.slice(0, pathname.lastIndexOf('/')))
    compareAnswers(ctx, pathname, next, predicted.answer)
    if (next.width !== undefined && predicted.answer.width !== undefined) {
      const diff = diffPng(next.bytes, predicted.answer.bytes, pathname)
      stats.pixelImages++
      if (!stats.worst || diff.pixels / diff.total > stats.worst.diff.pixels / stats.worst.diff.total) stats.worst = { label: pathname, diff }
      if (ctx.pixelParity) ctx.ledger.check('imgmeta', pathname, 'differing pixels (pixelmatch 0.1)', diff.pixels, 0)
      else ctx.ledger.comparisons++
    }
  }

  for (const base of [...unknownIdBases].sort()) {
    const pathname = `${base}/imgmeta-unknown-id`
    const next = await readAnswer(await get(ctx.origin, pathname), pathname)
    ctx.ledger.check('contract', pathname, 'unknown id status', next.status, 404)
    const predicted = await predictImage(ctx, routes, pathname)
    if ('error' in predicted) ctx.ledger.fail('imgmeta', pathname, 'unknown id', `${next.status}`, predicted.error)
    else compareAnswers(ctx, pathname, next, predicted.answer)
  }
  return stats
}

function fromHeadTag(tag: HeadTag): ServedTag {
  const attrs = tag.attributes
  if (tag.tag === 'link') return { tag: 'link', key: attrs.rel ?? '', value: attrs.href ?? '', attrs }
  return { tag: 'meta', key: attrs.property ?? attrs.name ?? '', value: attrs.content ?? '', attrs }
}

const URL_KEYS = new Set(['icon', 'apple-touch-icon', 'shortcut icon', 'og:image', 'twitter:image'])
const NAME_ATTRIBUTES = new Set(['rel', 'href', 'property', 'name', 'content'])

/** Tag by tag, in order: key, URL (query value exact under Turbopack, else presence only), other attributes. */
function compareTags(ctx: FixtureContext, page: string, served: ServedTag[], predicted: ServedTag[]): void {
  const where = `page ${page}`
  if (!ctx.ledger.check('imgmeta', where, 'tag sequence (rel/property/name, in order)', served.map((t) => t.key), predicted.map((t) => t.key))) return
  served.forEach((tag, i) => {
    const other = predicted[i] as ServedTag
    const at = `${where} tag ${i} ${tag.key}`
    if (URL_KEYS.has(tag.key) && isLocal(tag.value, ctx.metadataBase)) {
      const [nextBase, nextQuery] = splitQuery(tag.value)
      const [ourBase, ourQuery] = splitQuery(other.value)
      ctx.ledger.check('imgmeta', at, 'URL without query', nextBase, ourBase)
      ctx.ledger.check('imgmeta', at, 'query present', nextQuery !== undefined, ourQuery !== undefined)
      if (ctx.turbopack) ctx.ledger.check('imgmeta', at, 'query (xxh3-64 of the file under Turbopack)', nextQuery, ourQuery)
      ctx.ledger.check('contract', at, 'query is 16 hex characters', /^[0-9a-f]{16}$/.test(nextQuery ?? ''), true)
    } else {
      ctx.ledger.check('imgmeta', at, 'value', tag.value, other.value)
    }
    ctx.ledger.check('imgmeta', at, 'other attributes', otherAttributes(tag.attrs), otherAttributes(other.attrs))
  })
}

/** True for a URL this app serves (relative, or on the base Next made URLs absolute with), not a CDN URL from metadata. */
function isLocal(url: string, base: string): boolean {
  return url.startsWith('/') || url.startsWith(base + '/')
}

function splitQuery(url: string): [string, string | undefined] {
  const index = url.indexOf('?')
  return index === -1 ? [url, undefined] : [url.slice(0, index), url.slice(index + 1)]
}

function otherAttributes(attrs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).filter(([k]) => !NAME_ATTRIBUTES.has(k)).sort(([a], [b]) => a.localeCompare(b)))
}

/** predictImage's error when imgmeta matches the path to no image route (Next then answers its 404 page). */
export const NO_ROUTE = 'no image route of imgmeta matches this path'

/** Finds the route imgmeta matches the path to and asks imgmeta's handler for it, as Next's route would be asked. */
export async function predictImage(ctx: FixtureContext, routes: ImageRoute[], pathname: string): Promise<{ answer: ImageAnswer; withIds: boolean } | { error: string }> {
  for (const route of routes) {
    if (route.source !== 'code') continue
    const mod = await ctx.load(route.file)
    const withIds = imgmeta.hasGenerateImageMetadata(mod)
    if (!imgmeta.matchImageRequest(route, pathname, { withIds, nextVersion: ctx.nextVersion })) continue
    try {
      const handler = imgmeta.createImageRouteHandler(mod, { file: route.file, appDir: ctx.appDir, nextVersion: ctx.nextVersion })
      const response = await handler(new Request(`http://localhost${pathname}`))
      return { answer: await readAnswer(response, `${pathname} (imgmeta)`), withIds }
    } catch (error) {
      return { error: `${path.relative(ctx.appDir, route.file)} threw ${String(error)}` }
    }
  }
  return { error: NO_ROUTE }
}

/** Status, content type, PNG size, the probe header (what the image function was given) and short bodies. */
function compareAnswers(ctx: FixtureContext, pathname: string, next: ImageAnswer, ours: ImageAnswer): void {
  ctx.ledger.check('imgmeta', pathname, 'status', next.status, ours.status)
  ctx.ledger.check('imgmeta', pathname, 'content-type', next.contentType, ours.contentType)
  ctx.ledger.check('imgmeta', pathname, 'PNG size', sizeOf(next), sizeOf(ours))
  ctx.ledger.check('imgmeta', pathname, 'props the image function received', decodeProbe(next.probe), decodeProbe(ours.probe))
  if (next.text !== undefined || ours.text !== undefined) ctx.ledger.check('imgmeta', pathname, 'body', next.text, ours.text)
}

function sizeOf(answer: ImageAnswer): string {
  return answer.width === undefined ? 'not a PNG' : `${answer.width}x${answer.height}`
}

function decodeProbe(probe: string | undefined): unknown {
  return probe === undefined ? null : JSON.parse(decodeURIComponent(probe))
}
