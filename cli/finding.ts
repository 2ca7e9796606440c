import { FILE_URL_ON_NODEJS } from '../matchers/file-url-runtime.js'

/** What went wrong with an image, as far as the CLI tells users what to do about it: one kind per cause. */
export type FindingKind =
  | 'snapshot-mismatch'
  | 'snapshot-missing'
  | 'metadata'
  | 'renderer-limitation'
  | 'route-answered'
  | 'module-failed'
  | 'user-code-threw'
  | 'breaks-next-build'
  | 'file-url-on-nodejs'
  | 'network'
  | 'timed-out'
  | 'render-failed'
  | 'not-covered'
  | 'error'

/** Codes of findings about rendering rather than about the declared metadata. */
const RENDER_CODES = new Set(['render-failed', 'image-function-threw', 'not-a-response', 'unknown-id', 'not-an-image', 'invalid-image', 'timeout', 'not-found'])

/** Codes the reference renderer gives for what next/og cannot draw either. */
const RENDERER_CODES = new Set(['unsupported-css', 'unsupported-image-source', 'image-too-large'])

/** Codes of a route that answered with its own notFound() or redirect(). */
const ROUTE_ANSWER_CODES = new Set(['route-not-found', 'route-redirected'])

/** Codes of user functions that threw (the message names which and what). */
const USER_CODE_CODES = new Set(['generate-image-metadata-failed', 'generate-static-params-failed', 'invalid-static-params'])

/**
 * What satori (next/og's layout) says about CSS or elements it cannot draw, in its own words (read in satori
 * 0.10.9, 0.15.2 and 0.29.0); next/og in production fails or ignores them the same way, so these are limits of
 * the renderer rather than mistakes of the metadata. A library's "… is not supported in Client Components" is not
 * one of them.
 */
const RENDERER_LIMITATION =
  /Invalid value for CSS property|nodes are not currently supported|Class component is not supported|dangerouslySetInnerHTML property is not supported|is currently not supported|Unsupported (unit|image type)|to have explicit "display: ?flex"|Image size cannot be determined|Image source must be an absolute URL|Can't load image/i

/** The fetch failure imgmeta names (next-runtime/fetch-failures.ts). */
const FETCH_FAILED = /\bfetch\(.+?\) failed\b|has no recording in /

/** Messages of a module that could not be imported (vite's and Node's wording). */
const IMPORT_FAILED = /Failed to load url|Cannot find (module|package)|does not provide an export named|Failed to resolve import|could not be loaded/

/**
 * Sorts a failure or skip into a kind: by the finding codes testImageRoutes recorded when there are any, else by
 * the error's code, else by the wording of toMatchImageSnapshot's messages.
 */
export function classifyFinding(state: 'failed' | 'skipped', message: string, codes: readonly string[] = [], errorCode?: string): FindingKind {
  if (state === 'skipped') return 'not-covered'
  const all = errorCode === undefined ? codes : [...codes, errorCode]
  if (all.includes('timeout')) return 'timed-out'
  if (all.includes('next-build-fails')) return 'breaks-next-build'
  if (all.includes(FILE_URL_ON_NODEJS)) return 'file-url-on-nodejs'
  if (all.some((code) => ROUTE_ANSWER_CODES.has(code))) return 'route-answered'
  if (all.includes('module-failed')) return 'module-failed'
  if (all.includes('fetch-failed') || all.includes('network-request-failed') || FETCH_FAILED.test(message)) return 'network'
  if (all.some((code) => RENDERER_CODES.has(code))) return 'renderer-limitation'
  if (codes.length > 0) {
    if (!codes.every((code) => RENDER_CODES.has(code) || USER_CODE_CODES.has(code))) return 'metadata'
    if (RENDERER_LIMITATION.test(message)) return 'renderer-limitation'
    if (codes.some((code) => USER_CODE_CODES.has(code)) || /\bthrew\b/.test(message)) return 'user-code-threw'
    return 'render-failed'
  }
  if (errorCode !== undefined && USER_CODE_CODES.has(errorCode)) return 'user-code-threw'
  if (/New snapshot was not written/.test(message)) return 'snapshot-missing'
  if (/Expected image to (match or be a close match|be the same size as the snapshot)/.test(message)) return 'snapshot-mismatch'
  if (IMPORT_FAILED.test(message)) return 'module-failed'
  if (RENDERER_LIMITATION.test(message)) return 'renderer-limitation'
  if (/render|threw|Response/i.test(message)) return 'render-failed'
  return 'error'
}

/** One line telling the user what to do next about a kind of finding. */
export function adviceFor(kind: FindingKind): string {
  switch (kind) {
    case 'snapshot-mismatch':
      return 'look at the diff; if the change is intended, run `imgmeta update` and commit the snapshot'
    case 'snapshot-missing':
      return 'run `imgmeta update` locally and commit the new snapshot (CI never writes snapshots)'
    case 'metadata':
      return 'fix what generateImageMetadata returns (or what the image renders) so that they agree'
    case 'renderer-limitation':
      return 'next/og cannot draw what the message names (satori supports a subset of CSS, flex layout only, absolute image URLs): change that style or element'
    case 'route-answered':
      return 'the route itself answers 404 or a redirect for these params: list only params it renders (generateStaticParams, or params in imgmeta.config.ts), or make it render them'
    case 'module-failed':
      return 'a module could not be loaded (the message names it and why): fix the import, or give this route its params in imgmeta.config.ts so the failing layout or page is not loaded'
    case 'user-code-threw':
      return 'your code threw for this image (the message says which function and what): fix it, or check only params it can render'
    case 'breaks-next-build':
      return 'next build (16) calls generateImageMetadata with params: {} to list the ids of every route below a dynamic segment, and fails when it throws: make it cope with missing params (return [] or default ids when they are absent)'
    case 'file-url-on-nodejs':
      return "Next fetches a file of the app by its file: URL on the edge runtime only: read it with readFile, as Next's docs do (readFile(join(process.cwd(), 'assets/font.ttf'))), or add export const runtime = 'edge'"
    case 'network':
      return 'imgmeta check replays what imgmeta update recorded: run imgmeta update where the URL the message names is reachable and commit __image_snapshots__/network/, or list its host in network.deny or network.live of imgmeta.config.ts'
    case 'timed-out':
      return 'the image did not finish within the deadline: make every promise it starts settle, or give it more time'
    case 'render-failed':
      return 'fix the default export so that it returns an ImageResponse for this id'
    case 'not-covered':
      return 'give the page generateStaticParams, or set params for this route in imgmeta.config.ts'
    case 'error':
      return 'read the message above; the route file could not be checked'
  }
}
