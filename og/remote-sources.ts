// Remote `<img src>` and CSS `url()`: next/og fetches them while it renders; imgmeta/og draws them only through
// a loader the caller installs, so that the reference renderer on its own never reaches the network. imgmeta's
// network layer (next-runtime/network) installs one that serves the site's origin from `public/` and replays
// recordings. Kept on globalThis: the renderer and the layer may be loaded as separate module instances.
import { ImgmetaError } from '../src/errors.js'
import { isBlockedImageUrl } from './blocked-hosts.js'
import { MAX_IMAGE_SOURCE_BYTES } from './limits.js'

/** Fetches a remote image or emoji source, as `fetch(url)` would. */
export type RemoteLoader = (url: string) => Promise<Response>

const LOADER = Symbol.for('imgmeta.og.remoteLoader')

/** Installs (or, with undefined, removes) the loader remote image sources are fetched with. */
export function setRemoteLoader(loader: RemoteLoader | undefined): void {
  ;(globalThis as unknown as Record<symbol, RemoteLoader | undefined>)[LOADER] = loader
}

/** The installed loader, if any. */
export function remoteLoader(): RemoteLoader | undefined {
  return (globalThis as unknown as Record<symbol, RemoteLoader | undefined>)[LOADER]
}

/** How the release being rendered treats remote image sources. */
export interface RemoteImageRules {
  /** Refuse local and private addresses, as next/og 16.4 (satori 0.29) does; earlier releases fetch them. */
  blocksPrivateImageHosts: boolean
}

/** True for the sources next/og fetches: http(s) URLs (a protocol-relative `//host/x` it refuses on the server). */
export function isRemoteSource(src: string): boolean {
  return /^https?:\/\//i.test(src)
}

/**
 * A remote image as a data URI, through the installed loader; undefined when none is installed. A local or
 * private address is refused first when the release refuses it (before the own-origin mapping: next/og never
 * reaches `public/` for such a URL either). The content type
 * is the response's, else the one `typesByExtension` gives the URL's extension. A failed
 * request, an error status, a body that is not an image or one over the size bound is an error naming the URL.
 */
export async function loadRemoteImage(
  src: string,
  where: string,
  typesByExtension: Readonly<Record<string, string>>,
  rules: RemoteImageRules,
): Promise<string | undefined> {
  const loader = remoteLoader()
  if (!loader) return undefined
  const url = src
  if (rules.blocksPrivateImageHosts && isBlockedImageUrl(url)) {
    throw new ImgmetaError(
      'unsupported-image-source',
      `imgmeta/og: ${where}: Image source resolves to a blocked address (SSRF protection): ${url}. next/og (16.4 and ` +
        `later) refuses local and private addresses; use the site's public URL (NEXT_PUBLIC_SITE_URL, metadataBase), whose files ` +
        `of public/ imgmeta serves offline, or pass the bytes or a file path.`,
    )
  }
  let response: Response
  try {
    response = await loader(url)
  } catch (cause) {
    const reason = (cause as Error & { cause?: Error }).cause?.message ?? (cause as Error).message
    throw new ImgmetaError('unsupported-image-source', `imgmeta/og: ${where} is ${url}, which could not be fetched (${reason}).`, { cause })
  }
  if (!response.ok) {
    throw new ImgmetaError('unsupported-image-source', `imgmeta/og: ${where} is ${url}, which answered ${response.status} ${response.statusText}.`)
  }
  const bytes = Buffer.from(await response.arrayBuffer())
  if (bytes.byteLength > MAX_IMAGE_SOURCE_BYTES) {
    throw new ImgmetaError(
      'unsupported-image-source',
      `imgmeta/og: ${where} is ${url} (${bytes.byteLength} bytes), more than the limit of ${MAX_IMAGE_SOURCE_BYTES} bytes.`,
    )
  }
  const declared = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const byExtension = typesByExtension[(/\.[a-z0-9]+$/i.exec(new URL(url).pathname)?.[0] ?? '').toLowerCase()]
  const type = declared.startsWith('image/') ? declared : byExtension
  if (!type) {
    throw new ImgmetaError(
      'unsupported-image-source',
      `imgmeta/og: ${where} is ${url}, which answered "${declared || 'no content type'}", not an image satori draws.`,
    )
  }
  return `data:${type};base64,${bytes.toString('base64')}`
}
