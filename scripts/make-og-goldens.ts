// Renders every card of test/fixtures/og-corpus with the real next/og of each measured Next release into
// test/golden/og/<release>/<rasterizer>/<name>.png: with resvg-wasm (sharp refused) for every release, and also
// with sharp for releases whose next/og uses sharp when it can (16.4 and later). These are the references of the
// parity test. A release other than the repo's own next is installed from the npm registry into a temporary
// folder (reused by later runs); `npm test` only reads the PNGs checked in here.
// Usage: npm run goldens:og                       every measured release (og/releases.ts)
//        npm run goldens:og -- --next 14.2.35     one release
// Each release × rasterizer renders in its own process (next/og keeps sharp once it found it).
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readNextOg } from '../og/installed-next.js'
import { MEASURED_RELEASES } from '../og/releases.js'
import { corpus, corpusOptions } from '../test/fixtures/og-corpus/index.js'
import { loadNextOg, nextVersion, refuseSharp, repoNextDir, sharpLookups } from '../test/fixtures/og-corpus/next-og.js'

const MODES = ['sharp', 'wasm'] as const
type Mode = (typeof MODES)[number]

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const goldenDir = path.join(root, 'test', 'golden', 'og')
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

async function makeGoldens(release: string, nextDir: string, mode: Mode): Promise<void> {
  const og = readNextOg(nextDir)
  refuseSharp(mode === 'wasm')
  const ImageResponse = loadNextOg(nextDir)
  const rendered: Array<{ name: string; png: Uint8Array }> = []
  // What a release's next/og refuses (satori 0.10 throws on repeating gradients) is recorded, not drawn: the
  // parity test checks that imgmeta/og refuses it too when laying out as that release.
  const refused: Array<{ name: string; error: string }> = []
  for (const item of corpus) {
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
  const dir = path.join(goldenDir, release, mode)
  mkdirSync(dir, { recursive: true })
  for (const { name, png } of rendered) writeAtomic(path.join(dir, `${name}.png`), png)
  const fontBytes = og.font ? readFileSync(path.join(og.dir, og.font.file)) : undefined
  const manifest = {
    next: nextVersion(nextDir),
    vercelOg: og.vercelOg,
    satori: og.satori,
    defaultFont: og.font && fontBytes ? { ...og.font, sha256: createHash('sha256').update(fontBytes).digest('hex') } : null,
    rasterizer: mode === 'wasm' ? (og.triesSharp ? 'resvg-wasm (sharp refused by a resolve hook)' : 'resvg-wasm (this release never uses sharp)') : 'sharp',
    command: `npm run goldens:og -- --next ${release}`,
    sharpLookups: lookups,
    items: rendered.map(({ name, png }) => ({ name, bytes: png.length })),
    refused,
  }
  writeAtomic(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const total = rendered.reduce((sum, { png }) => sum + png.length, 0)
  console.log(`next ${release} ${mode}: ${rendered.length} goldens, ${refused.length} refused, ${total} bytes, satori ${og.satori}, sharp lookups ${JSON.stringify(lookups)}`)
}

const mode = argument('--mode') as Mode | undefined
if (mode !== undefined) {
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`)
  await makeGoldens(argument('--release')!, argument('--next-dir')!, mode)
} else {
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
        [...process.execArgv, fileURLToPath(import.meta.url), '--mode', each, '--release', release, '--next-dir', nextDir],
        { stdio: 'inherit' },
      )
      if (child.status !== 0) process.exit(child.status ?? 1)
    }
  }
}
