import { ImgmetaError } from '../src/errors.js'
import { checkStyle, ignoredCss, ignoredCssWarning } from './css-support.js'
import { resolveCssUrls, resolveImageSource } from './image-sources.js'
import { MAX_ELEMENT_DEPTH } from './limits.js'
import type { OgRelease } from './releases.js'

/** What {@link prepareElement} enforces. */
export interface PrepareOptions {
  /** Refuse style properties satori ignores; when false each one is a warning instead. */
  strictCss: boolean
  /**
   * The release laid out as: its satori decides what is ignored, and warnings name it; whether its next/og
   * refuses image sources on local and private addresses decides the same for imgmeta.
   */
  release: Pick<OgRelease, 'next' | 'satori' | 'blocksPrivateImageHosts'>
  /** Where warnings go (one per element and property). */
  warnings: string[]
  /** Where the classes of every `tw` prop go, in order (satori's Tailwind reads them). */
  twClasses?: Set<string>
}

interface ElementLike {
  type: unknown
  props: Record<string, unknown> | null | undefined
}

const FORWARD_REF = Symbol.for('react.forward_ref')
const URL_STYLE_PROPERTIES = ['background', 'backgroundImage', 'maskImage', 'WebkitMaskImage'] as const

function isElement(node: unknown): node is ElementLike {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && 'type' in node && 'props' in node
}

function describe(type: unknown): string {
  if (typeof type === 'string') return `<${type}>`
  if (typeof type === 'function') return `<${type.name || 'Anonymous'}>`
  return '<element>'
}

/**
 * Walks the element tree before satori sees it: calls function components (as satori would), checks style
 * properties, and makes every image source local (data URI or bytes) so that satori never reaches for `fetch`.
 * Returns a new tree; the caller's elements are not changed.
 */
export async function prepareElement(node: unknown, options: PrepareOptions): Promise<unknown> {
  return walk(node, options, 0, 'the root element')
}

async function walk(node: unknown, options: PrepareOptions, depth: number, where: string): Promise<unknown> {
  if (depth > MAX_ELEMENT_DEPTH) {
    throw new ImgmetaError('render-failed', `imgmeta/og: the element tree is deeper than ${MAX_ELEMENT_DEPTH} levels (at ${where}).`)
  }
  if (Array.isArray(node)) return Promise.all(node.map((child) => walk(child, options, depth + 1, where)))
  if (!isElement(node)) return node
  const { type } = node
  const props = node.props ?? {}
  if (typeof type === 'function') {
    if (/^class\s/.test(Function.prototype.toString.call(type))) {
      throw new ImgmetaError('render-failed', `imgmeta/og: ${describe(type)} is a class component; satori renders function components only.`)
    }
    return walk(await (type as (p: unknown) => unknown)(props), options, depth + 1, describe(type))
  }
  if (typeof type === 'object' && type !== null && (type as { $$typeof?: unknown }).$$typeof === FORWARD_REF) {
    const render = (type as { render: (p: unknown) => unknown }).render
    return walk(await render(props), options, depth + 1, where)
  }
  const here = describe(type)
  const next: Record<string, unknown> = { ...props }
  if (options.twClasses && typeof props.tw === 'string') for (const name of props.tw.split(/\s+/)) if (name) options.twClasses.add(name)
  if (options.strictCss) checkStyle(props.style, here, options.release)
  else for (const entry of ignoredCss(props.style, options.release.satori)) options.warnings.push(ignoredCssWarning(here, entry, options.release))
  if (props.style && typeof props.style === 'object') {
    const style: Record<string, unknown> = { ...(props.style as Record<string, unknown>) }
    for (const key of URL_STYLE_PROPERTIES) {
      const value = style[key]
      if (typeof value === 'string' && value.includes('url(')) style[key] = await resolveCssUrls(value, `${here} style.${key}`, options.release)
    }
    next.style = style
  }
  if (type === 'img' && 'src' in props) next.src = await resolveImageSource(props.src, `${here} src`, options.release)
  if ('children' in props) next.children = await walk(props.children, options, depth + 1, here)
  return { ...node, props: next }
}
