import type { NextMajor } from './next-version.js'
import type { Params } from './route.js'

/** Which renderer `next/og` imports resolve to while checking: imgmeta's reference renderer or the real one. */
export type RendererChoice = 'reference' | 'next'

/** The settings of `imgmeta.config.ts`. Every field is optional; command-line flags override them. */
export interface ImgmetaConfig {
  /** The app root, relative to the project: `app` or `src/app` are found on their own. */
  appDir?: string
  /**
   * Params of dynamic routes that have no `generateStaticParams`, keyed by the route file relative to the
   * project (`app/blog/[slug]/opengraph-image.tsx`) or by its URL template (`/blog/[slug]/opengraph-image`).
   */
  params?: Record<string, Params[]>
  /** Where snapshots are kept, relative to the project. Default `__image_snapshots__/routes`. */
  snapshotDir?: string
  /** `reference` (default): imgmeta's deterministic renderer; `next`: the installed next/og. */
  renderer?: RendererChoice
  /** The Next.js behaviour to check against; default: the major of the installed `next`. */
  nextVersion?: NextMajor
  /** Per-pixel colour distance (pixelmatch `threshold`, 0..1). Default 0.01, as jest-image-snapshot. */
  threshold?: number
  /** How many differing pixels (or what percent, see `failureThresholdType`) still pass. Default 0. */
  failureThreshold?: number
  /** Unit of `failureThreshold`. Default `pixel`. */
  failureThresholdType?: 'pixel' | 'percent'
  /** Base for absolute og/twitter image URLs, as `metadataBase` in the app's layout. */
  metadataBase?: string
  /** The site's URL when neither the root layout's `metadataBase` nor `NEXT_PUBLIC_SITE_URL` says it: its files of `public/` are served offline. */
  siteUrl?: string
  /** What happens to requests image routes make to other hosts (see docs/cli.md, "Network"). */
  network?: NetworkConfig
  /**
   * The reference renderer refuses CSS properties satori ignores (`unsupported-css`) instead of ignoring them
   * with a warning, as next/og does. Default false.
   */
  strictCss?: boolean
  /**
   * The per-image deadline in milliseconds (default 10 000): generateImageMetadata, the image function and
   * reading its body each get this long. vitest's timeouts follow it; `--timeout` overrides it.
   */
  timeoutMs?: number
}

/** Per-host network rules: `cms.example.com`, or `*.example.com` for it and its subdomains. */
export interface NetworkConfig {
  /** Hosts never recorded and never sent: a request to one fails the image. */
  deny?: string[]
  /** Hosts always sent for real and never recorded, in `check` too (a staging CMS in some CI job). */
  live?: string[]
}

/** Declares the settings of `imgmeta.config.ts` with types: `export default defineConfig({ … })`. */
export function defineConfig(config: ImgmetaConfig): ImgmetaConfig
export function defineConfig(config: ImgmetaConfig): ImgmetaConfig {
  return config
}
