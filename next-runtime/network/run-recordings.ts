// The end of a run, in the process that started it: what the workers logged becomes the recordings file (on
// update), the list of obsolete recordings (after a complete run), and the summary `imgmeta update` prints.
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { readHar, writeHar, type HarEntry } from './har.js'
import { BODIES_DIR_NAME, ROUTES_HAR_FILE, VITEST_HAR_FILE, type NetworkSettings } from './network-settings.js'
import { describeRequest } from './recording-key.js'
import { readUsage } from './usage-log.js'

/** The version written into the HAR `creator`: the format's, not the package's, so upgrades cause no churn. */
const HAR_FORMAT_VERSION = '1'

/** What a run did with the network, for reporters. */
export interface NetworkOutcome {
  /** Requests recorded in this run (update), one per key. */
  recorded: { request: string; host: string; bytes: number }[]
  /** Recordings no image of this complete run used, as `GET https://…`. */
  obsolete: string[]
  /** Recordings removed by `--prune`, and their body files no recording refers to any more. */
  pruned: string[]
  /** The recordings file. */
  file: string
}

/**
 * Reads the workers' logs and, when recording, writes the recordings file: the previous recordings with this
 * run's added or replaced (written only when something changed). Obsolete recordings are listed when `complete`.
 */
export function finishRecordings(settings: NetworkSettings, options: { complete: boolean }): NetworkOutcome {
  const file = path.join(settings.dir, settings.harFile)
  const lines = readUsage(settings.logDir)
  const used = new Set(lines.map((line) => line.key))
  const recorded = new Map<string, HarEntry>()
  for (const line of lines) if (line.recorded) recorded.set(line.key, line.recorded)

  const previous = readHar(file)
  const merged = new Map(previous)
  for (const [key, entry] of recorded) merged.set(key, entry)
  if (recorded.size > 0 && !sameEntries(previous, merged)) writeHar(file, merged.values(), HAR_FORMAT_VERSION)

  const obsolete = options.complete ? [...merged.keys()].filter((key) => !used.has(key)).sort() : []
  return {
    recorded: [...recorded.values()].map((entry) => ({
      request: describeRequest(entry.request.method, entry.request.url),
      host: new URL(entry.request.url).host,
      bytes: entry.response.content.size,
    })),
    obsolete: obsolete.map((key) => describeEntry(merged.get(key)!)),
    pruned: [],
    file,
  }
}

/**
 * Removes the obsolete recordings from the recordings file, then deletes the body files that no recordings
 * file of the folder refers to any more. Call only after a complete run in which every image passed.
 */
export function pruneRecordings(outcome: NetworkOutcome): string[] {
  const file = outcome.file
  const dir = path.dirname(file)
  const entries = readHar(file)
  const obsolete = new Set(outcome.obsolete)
  const pruned: string[] = []
  for (const [key, entry] of entries) {
    if (obsolete.has(describeEntry(entry))) {
      entries.delete(key)
      pruned.push(describeEntry(entry))
    }
  }
  if (pruned.length > 0) writeHar(file, entries.values(), HAR_FORMAT_VERSION)

  // Bodies are shared by the command's and the vitest plugin's recordings: keep every one either refers to.
  const referenced = new Set<string>()
  for (const name of [ROUTES_HAR_FILE, VITEST_HAR_FILE]) {
    for (const entry of readHar(path.join(dir, name)).values()) {
      if (entry.response.content._file) referenced.add(path.normalize(entry.response.content._file))
    }
  }
  const bodiesDir = path.join(dir, BODIES_DIR_NAME)
  let bodies: string[] = []
  try {
    bodies = readdirSync(bodiesDir)
  } catch {
    // no bodies yet
  }
  for (const name of bodies) {
    // Only files named as imgmeta names bodies (a SHA-256 and an extension) are ever deleted.
    if (!/^[0-9a-f]{64}\.[a-z0-9]+$/.test(name)) continue
    const relative = path.normalize(`${BODIES_DIR_NAME}/${name}`)
    if (referenced.has(relative)) continue
    rmSync(path.join(bodiesDir, name), { force: true })
    pruned.push(relative.split(path.sep).join('/'))
  }
  return pruned
}

/** How a recording is listed: method, URL, and a short body hash when the request had a body. */
export function describeEntry(entry: HarEntry): string {
  const sha = entry.request._bodySha256
  return `${describeRequest(entry.request.method, entry.request.url)}${sha ? ` (body ${sha.slice(0, 12)})` : ''}`
}

function sameEntries(a: Map<string, HarEntry>, b: Map<string, HarEntry>): boolean {
  if (a.size !== b.size) return false
  for (const [key, entry] of a) if (JSON.stringify(b.get(key)) !== JSON.stringify(entry)) return false
  return true
}

/** `3 requests from 2 hosts (cdn.example.com 2, cms.example.com 1), 48.2 kB`, for `imgmeta update`. */
export function formatRecordedSummary(recorded: NetworkOutcome['recorded']): string {
  const byHost = new Map<string, number>()
  for (const r of recorded) byHost.set(r.host, (byHost.get(r.host) ?? 0) + 1)
  const bytes = recorded.reduce((sum, r) => sum + r.bytes, 0)
  const hosts = [...byHost].sort(([a], [b]) => (a < b ? -1 : 1)).map(([host, n]) => `${host} ${n}`)
  return (
    `${recorded.length} request${recorded.length === 1 ? '' : 's'} from ${byHost.size} host${byHost.size === 1 ? '' : 's'}` +
    `${hosts.length > 0 ? ` (${hosts.join(', ')})` : ''}, ${formatBytes(bytes)}`
  )
}

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}
