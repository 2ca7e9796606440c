// Renders every card of test/fixtures/og-corpus with the real next/og of each measured Next release: with
// resvg-wasm (sharp refused) for every release, and also with sharp for releases whose next/og uses sharp when it
// can (16.4 and later). These are the references of the parity test. Each release × rasterizer gets
// test/golden/og/<release>/<rasterizer>/manifest.json naming each card's PNG by its SHA-256; the PNG is stored once
// in test/golden/og/png/<sha256>.png, however many releases drew those bytes (test/fixtures/og-corpus/goldens.ts).
// A release other than the repo's own next is installed from the npm registry into a temporary folder (reused by
// later runs); `npm test` only reads the files checked in here.
// Usage: npm run goldens:og                                    every measured release (og/releases.ts)
//        npm run goldens:og -- --next 14.2.35                  one release
//        npm run goldens:og -- --card og-newer-css             only these cards (comma-separated), kept in
//                                                              each manifest beside the cards already there
// Each release × rasterizer renders in its own process (next/og keeps sharp once it found it). A PNG no manifest
// names any more is deleted from png/ at the end.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readNextOg } from '../og/installed-next.js'
import { MEASURED_RELEASES } from '../og/releases.js'
import { GOLDEN_DIR, GOLDEN_PNG_DIR, goldenManifest, goldenModes, goldenPngPath, goldenReleases, sha256Of, type GoldenManifest } from '../test/fixtures/og-corpus/goldens.js'
import { corpus, corpusOptions, type CorpusItem } from '../test/fixtures/og-corpus/index.js'
import { loadNextOg, nextVersion, refuseSharp, repoNextDir, sharpLookups } from '../test/fixtures/og-corpus/next-og.js'

const MODES = ['sharp', 'wasm'] as const
type Mode = (typeof MODES)[number]

const installRoot = path.join(os.tmpdir(), 'imgmeta-og-goldens')

function writeAtomic(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, file)
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}

/** The folder of `next` at that version: the repo's own, or a temporary install from the registry. */
function nextDirFor(release: string): string {
  if (nextVersion() === release) return repoNextDir()
  const folder = path.join(installRoot, `next-${release}`)
  const nextDir = path.join(folder, 'node_modules', 'next')
  if (existsSync(path.join(nextDir, 'package.json')) && nextVersion(nextDir) === release) return nextDir
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(folder, 'package.json'), '{ "private": true }\n')
  console.log(`installing next@${release} into ${folder}`)
  // next/og needs nothing but next itself: no SWC binaries (optional), no install scripts, no React peer.
  execFileSync('npm', ['install', '--no-save', '-E', `next@${release}`, '--omit=optional', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund'], {
    cwd: folder,
    stdio: 'inherit',
  })
  return nextDir
}

function canImportSharp(nextDir: string): boolean {
  try {
    createRequire(path.join(nextDir, 'package.json')).resolve('sharp')
    return true
  } catch {
    return false
  }
}

/** The corpus cards named by `--card` (all of them without it); throws on a name the corpus lacks. */
function requestedCards(): CorpusItem[] {
  const names = argument('--card')?.split(',')
  if (!names) return corpus
  const unknown = names.filter((name) => !corpus.some((item) => item.name === name))
  if (unknown.length > 0) throw new Error(`--card: no corpus card named ${unknown.join(', ')} (test/fixtures/og-corpus/index.tsx)`)
  return corpus.filter((item) => names.includes(item.name))
}

/** The manifest already written for these cards' release × mode, when only some cards are made again. */
function previousManifest(release: string, mode: Mode, cards: CorpusItem[], satori: string | undefined): GoldenManifest | undefined {
  if (cards.length === corpus.length) return undefined
  const file = path.join(GOLDEN_DIR, release, mode, 'manifest.json')
  if (!existsSync(file)) throw new Error(`--card needs the full goldens of next ${release} (${mode}) first: run npm run goldens:og -- --next ${release}`)
  const previous = goldenManifest(release, mode)
  if (previous.satori !== satori) throw new Error(`${file} was made with satori ${previous.satori}, not ${satori}: make all cards again`)
  return previous
}

/** Keeps the order of the corpus: cards made now replace their old entry, the others stay. */
function merged<T extends { name: string }>(previous: T[] | undefined, made: T[], cards: CorpusItem[]): T[] {
  const remade = new Set(cards.map((item) => item.name))
  const all = [...(previous ?? []).filter((entry) => !remade.has(entry.name)), ...made]
  const order = new Map(corpus.map((item, index) => [item.name, index]))
  return all.filter((entry) => order.has(entry.name)).sort((a, b) => order.get(a.name)! - order.get(b.name)!)
}

async function makeGoldens(release: string, nextDir: string, mode: Mode): Promise<void> {
  const og = readNextOg(nextDir)
  refuseSharp(mode === 'wasm')
  const ImageResponse = loadNextOg(nextDir)
  const cards = requestedCards()
  const previous = previousManifest(release, mode, cards, og.satori)
  const rendered: Array<{ name: string; png: Uint8Array }> = []
  // What a release's next/og refuses (satori 0.10 throws on repeating gradients) is recorded, not drawn: the
  // parity test checks that imgmeta/og refuses it too when laying out as that release.
  const refused: Array<{ name: string; error: string }> = []
  for (const item of cards) {
    try {
      const response = new ImageResponse(item.element(), corpusOptions(item))
      rendered.push({ name: item.name, png: new Uint8Array(await response.arrayBuffer()) })
    } catch (error) {
      refused.push({ name: item.name, error: error instanceof Error ? error.message : String(error) })
    }
  }
  // Refuse to write goldens that came from the other rasterizer.
  const lookups = sharpLookups()
  const tookPath =
    mode === 'sharp' ? lookups.allowed > 0 && lookups.refused === 0 : lookups.allowed === 0 && (lookups.refused > 0 || !og.triesSharp)
  if (!tookPath) {
    throw new Error(`next ${release}'s next/og did not take the ${mode} path (sharp lookups: ${JSON.stringify(lookups)}); no golden written`)
  }
  const dir = path.join(GOLDEN_DIR, release, mode)
  mkdirSync(dir, { recursive: true })
  mkdirSync(GOLDEN_PNG_DIR, { recursive: true })
  const items = rendered.map(({ name, png }) => {
    const sha256 = sha256Of(png)
    // Content-addressed: a PNG another release (or an earlier run) already stored is the same file.
    if (!existsSync(goldenPngPath(sha256))) writeAtomic(goldenPngPath(sha256), png)
    return { name, bytes: png.length, sha256 }
  })
  const fontBytes = og.font ? readFileSync(path.join(og.dir, og.font.file)) : undefined
  const manifest = {
    next: nextVersion(nextDir),
    vercelOg: og.vercelOg,
    satori: og.satori,
    defaultFont: og.font && fontBytes ? { ...og.font, sha256: createHash('sha256').update(fontBytes).digest('hex') } : null,
    rasterizer: mode === 'wasm' ? (og.triesSharp ? 'resvg-wasm (sharp refused by a resolve hook)' : 'resvg-wasm (this release never uses sharp)') : 'sharp',
    command: `npm run goldens:og -- --next ${release}`,
    sharpLookups: lookups,
    items: merged(previous?.items, items, cards),
    refused: merged(previous?.refused, refused, cards),
  }
  writeAtomic(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const total = rendered.reduce((sum, { png }) => sum + png.length, 0)
  console.log(`next ${release} ${mode}: ${rendered.length} cards drawn, ${refused.length} refused, ${total} bytes, satori ${og.satori}, sharp lookups ${JSON.stringify(lookups)}`)
}

const mode = argument('--mode') as Mode | undefined
if (mode !== undefined) {
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`)
  await makeGoldens(argument('--release')!, argument('--next-dir')!, mode)
} else {
  const cards = argument('--card')
  const cardArgument = cards === undefined ? [] : ['--card', cards]
  const requested = argument('--next')
  const releases = requested ? requested.split(',') : Object.keys(MEASURED_RELEASES)
  for (const release of releases) {
    if (!Object.hasOwn(MEASURED_RELEASES, release)) {
      console.warn(`next ${release} is not in og/releases.ts MEASURED_RELEASES: its goldens are written but the parity test needs an entry`)
    }
    const nextDir = nextDirFor(release)
    const og = readNextOg(nextDir)
    const modes: Mode[] = og.triesSharp ? ['sharp', 'wasm'] : ['wasm']
    for (const each of modes) {
      if (each === 'sharp' && !canImportSharp(nextDir)) {
        console.warn(`next ${release}: sharp is not installed beside it, so no sharp goldens (install it to make them)`)
        continue
      }
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--mode', each, '--release', release, '--next-dir', nextDir, ...cardArgument],
        { stdio: 'inherit' },
      )
      if (child.status !== 0) process.exit(child.status ?? 1)
    }
  }
  pruneUnnamedPngs()
}

/** Deletes the stored PNGs no manifest names any more (each one a `<sha256>.png` this script wrote). */
function pruneUnnamedPngs(): void {
  const named = new Set<string>()
  for (const release of goldenReleases()) {
    for (const each of goldenModes(release)) for (const item of goldenManifest(release, each).items) named.add(`${item.sha256}.png`)
  }
  let removed = 0
  for (const file of readdirSync(GOLDEN_PNG_DIR)) {
    if (/^[0-9a-f]{64}\.png$/.test(file) && !named.has(file)) {
      rmSync(path.join(GOLDEN_PNG_DIR, file))
      removed++
    }
  }
  console.log(`${named.size} distinct golden PNGs stored in ${path.relative(process.cwd(), GOLDEN_PNG_DIR)}${removed ? `, ${removed} no longer named removed` : ''}`)
}
