// What the network layer of one run needs, as plain JSON: it crosses from the imgmeta command (or the vitest
// plugin) into vitest's worker processes through `provide`/`inject`.

/**
 * How requests that leave the app are answered. `replay`: from the recordings, with no socket opened, and a
 * request with no recording fails; `record`: sent for real, and each response recorded; `live`: sent for real
 * and not recorded (the network layer only serves the site's own origin from `public/`).
 */
export type NetworkMode = 'replay' | 'record' | 'live'

/** The network settings of one run. */
export interface NetworkSettings {
  mode: NetworkMode
  /** The project folder: `public/` is served from here. */
  root: string
  /** Folder of the recordings (`__image_snapshots__/network`), absolute. */
  dir: string
  /** The recordings file of this kind of run inside `dir`: `routes.har` (imgmeta command) or `vitest.har`. */
  harFile: string
  /** Folder where each worker process logs the recordings it used and made, for the run's end (absolute). */
  logDir: string
  /** Hosts never recorded and never sent: a request to one fails. `*.example.com` matches every subdomain. */
  deny: string[]
  /** Hosts always sent for real and never recorded, whatever the mode (a staging CMS in some CI job). */
  live: string[]
  /** Origins the site is served from, besides those read from the environment at request time (`metadataBase`, `siteUrl`). */
  siteOrigins: string[]
}

/** The recordings folder inside a project, beside the image snapshots. */
export const NETWORK_DIR_NAME = '__image_snapshots__/network'
/** The recordings of `imgmeta check` / `imgmeta update`. */
export const ROUTES_HAR_FILE = 'routes.har'
/** The recordings of vitest tests run with the `imgmeta/vitest` plugin's `network` option. */
export const VITEST_HAR_FILE = 'vitest.har'
/** Content-addressed response bodies, shared by every recordings file of the folder. */
export const BODIES_DIR_NAME = 'bodies'

/** The largest response body recorded, in bytes; a larger one fails the image that asked for it. */
export const MAX_RECORDED_RESPONSE_BYTES = 20 * 1024 * 1024

/** True when `host` is named by one of `patterns` (`cms.example.com`, or `*.example.com` for it and its subdomains). */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase()
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase()
    if (p.startsWith('*.')) return name === p.slice(2) || name.endsWith(p.slice(1))
    return name === p
  })
}
