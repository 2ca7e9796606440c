import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ImgmetaError } from '../src/errors.js'
import { MAX_IMAGE_SOURCE_BYTES } from './limits.js'
import { isRemoteSource, loadRemoteImage, type RemoteImageRules } from './remote-sources.js'

/** Image types satori draws, by file extension, for local files given as a path or file: URL. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.apng': 'image/apng',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
}

const HOW_TO =
  'imgmeta/og never fetches over the network: pass a data: URI, the bytes (ArrayBuffer), an absolute file path or a file: URL'

function localPath(src: string): string | undefined {
  if (src.startsWith('file:')) return fileURLToPath(src)
  // A drive letter or a leading slash; "//host/x" is protocol-relative, refused before this is asked.
  if (!src.startsWith('//') && path.isAbsolute(src)) return src
  return undefined
}

async function readLocalImage(file: string, where: string): Promise<string> {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()]
  if (!type) {
    throw new ImgmetaError(
      'unsupported-image-source',
      `imgmeta/og: ${where} points at ${file}, which is not an image type satori draws (${Object.keys(IMAGE_TYPES).join(', ')}).`,
    )
  }
  let bytes: Buffer
  try {
    const info = await stat(file)
    if (info.size > MAX_IMAGE_SOURCE_BYTES) {
      throw new ImgmetaError(
        'unsupported-image-source',
        `imgmeta/og: ${where} points at ${file} (${info.size} bytes), more than the limit of ${MAX_IMAGE_SOURCE_BYTES} bytes.`,
      )
    }
    bytes = await readFile(file)
  } catch (cause) {
    if (cause instanceof ImgmetaError) throw cause
    throw new ImgmetaError(
      'unsupported-image-source',
      `imgmeta/og: ${where} points at ${file}, which cannot be read (${(cause as Error).message}).`,
      { cause },
    )
  }
  return `data:${type};base64,${bytes.toString('base64')}`
}

/**
 * Turns an image source into one satori can draw without the network: data URIs and bytes pass through, local
 * files become data URIs, anything else (http, https, relative paths) is an `unsupported-image-source` error.
 */
export async function resolveImageSource(src: unknown, where: string, rules: RemoteImageRules): Promise<string | ArrayBuffer> {
  if (src instanceof ArrayBuffer) return src
  if (ArrayBuffer.isView(src)) {
    return new Uint8Array(src.buffer, src.byteOffset, src.byteLength).slice().buffer
  }
  const text = src instanceof URL ? src.href : src
  if (typeof text !== 'string' || text === '') {
    throw new ImgmetaError('unsupported-image-source', `imgmeta/og: ${where} has no usable source (${String(src)}); ${HOW_TO}.`)
  }
  if (text.startsWith('data:')) return text
  if (text.startsWith('//')) {
    // next/og on the server has no page to take a scheme from: every measured release's satori throws this.
    throw new ImgmetaError(
      'unsupported-image-source',
      `imgmeta/og: ${where}: Image source must be an absolute URL: ${text}. next/og throws this on the server for a ` +
        `protocol-relative source; write the scheme (https:${text}).`,
    )
  }
  const file = localPath(text)
  if (file) return readLocalImage(file, where)
  if (isRemoteSource(text)) {
    const remote = await loadRemoteImage(text, where, IMAGE_TYPES, rules)
    if (remote !== undefined) return remote
  }
  const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text
  throw new ImgmetaError('unsupported-image-source', `imgmeta/og: ${where} is "${shown}"; ${HOW_TO}.`)
}

const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/g

/** Resolves every `url(...)` in a CSS value (backgroundImage, maskImage …) like an `<img src>`. */
export async function resolveCssUrls(value: string, where: string, rules: RemoteImageRules): Promise<string> {
  const matches = [...value.matchAll(CSS_URL)]
  if (matches.length === 0) return value
  let out = ''
  let last = 0
  for (const match of matches) {
    const resolved = await resolveImageSource(match[2], where, rules)
    if (typeof resolved !== 'string') throw new Error('unreachable: a CSS url() is text')
    out += value.slice(last, match.index) + (resolved === match[2] ? match[0] : `url(${resolved})`)
    last = match.index + match[0].length
  }
  return out + value.slice(last)
}
