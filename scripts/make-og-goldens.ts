// Renders every card of test/fixtures/og-corpus with the real next/og, once rasterized by sharp and once by
// resvg-wasm, into test/golden/og/{sharp,wasm}/<name>.png. These are the references of the parity test.
// Usage: npm run goldens:og   (each rasterizer runs in its own process: next/og keeps sharp once it found it)
import { spawnSync } from 'node:child_process'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { corpus, corpusOptions } from '../test/fixtures/og-corpus/index.js'
import { loadNextOg, nextVersion, refuseSharp, sharpLookups } from '../test/fixtures/og-corpus/next-og.js'

const MODES = ['sharp', 'wasm'] as const
type Mode = (typeof MODES)[number]

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const goldenDir = path.join(root, 'test', 'golden', 'og')

function writeAtomic(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, file)
}

async function makeGoldens(mode: Mode): Promise<void> {
  refuseSharp(mode === 'wasm')
  const ImageResponse = loadNextOg()
  const rendered: Array<{ name: string; png: Uint8Array }> = []
  for (const item of corpus) {
    const response = new ImageResponse(item.element(), corpusOptions(item))
    rendered.push({ name: item.name, png: new Uint8Array(await response.arrayBuffer()) })
  }
  // Refuse to write goldens that came from the other rasterizer.
  const lookups = sharpLookups()
  const tookPath = mode === 'wasm' ? lookups.refused > 0 && lookups.allowed === 0 : lookups.allowed > 0 && lookups.refused === 0
  if (!tookPath) {
    throw new Error(`next/og did not take the ${mode} path (sharp lookups: ${JSON.stringify(lookups)}); no golden written`)
  }
  const dir = path.join(goldenDir, mode)
  mkdirSync(dir, { recursive: true })
  for (const { name, png } of rendered) writeAtomic(path.join(dir, `${name}.png`), png)
  const manifest = {
    next: nextVersion(),
    rasterizer: mode === 'wasm' ? 'resvg-wasm (sharp refused by a resolve hook)' : 'sharp',
    sharpLookups: lookups,
    items: rendered.map(({ name, png }) => ({ name, bytes: png.length })),
  }
  writeAtomic(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const total = rendered.reduce((sum, { png }) => sum + png.length, 0)
  console.log(`${mode}: ${rendered.length} goldens, ${total} bytes, next ${manifest.next}, sharp lookups ${JSON.stringify(lookups)}`)
}

const modeIndex = process.argv.indexOf('--mode')
const mode = modeIndex === -1 ? undefined : (process.argv[modeIndex + 1] as Mode)
if (mode !== undefined) {
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`)
  await makeGoldens(mode)
} else {
  for (const each of MODES) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--mode', each], {
      stdio: 'inherit',
    })
    if (child.status !== 0) process.exit(child.status ?? 1)
  }
}
