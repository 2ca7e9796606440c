// Question: how long does `imgmeta check` take on an app of 50 routes × 4 ids (200 cards, snapshots unchanged),
// against the same work written the way projects do it today (a vitest suite rendering with next/og and
// comparing with jest-image-snapshot's default matcher), measured in this run? Target: at most 0.1×.
// Also: how the time splits (start-up, render, compare) and how it scales from 50 to 200 to 800 images.
// Run: npx tsx bench/check.ts   (ROUNDS=5 for more rounds; BASELINE_800=1 to time the baseline at 800 images too)
//
// imgmeta runs as users get it: built, packed with npm and installed into the generated app, started with
// `node node_modules/.bin/imgmeta check` (no tsx, no npx). The baseline is one vitest test file with vitest's
// defaults, next/og (which rasterizes with sharp, installed here) and jest-image-snapshot's toMatchImageSnapshot
// with its defaults. The machine may be shared, so the two alternate round by round and each round gives a
// ratio; CPU time of the child processes is printed too, as it is far less sensitive to other processes.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createElement } from 'react'
import { compareImages } from '../matchers/diff.js'
import { render, renderSvg } from '../og/index.js'
import { renderKey } from '../og/render-key.js'
import { installPackedImgmeta, packImgmeta, type PackedImgmeta } from '../test/helpers/packed-imgmeta.js'

const REPO = fileURLToPath(new URL('../', import.meta.url))
const WORK = path.join(REPO, '.tmp', 'bench-check')
const VITEST = path.join(REPO, 'node_modules/vitest/vitest.mjs')
const IDS = ['a', 'b', 'c', 'd']
const ROUNDS = Number(process.env.ROUNDS ?? 3)
/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100

/** The ids of each route of an app with `images` images: four per route, the last route taking the rest. */
function idsOfRoutes(images: number): string[][] {
  return Array.from({ length: Math.ceil(images / IDS.length) }, (_, i) => IDS.slice(0, Math.min(IDS.length, images - i * IDS.length)))
}

/** A card route: 1200×630 ImageResponse from next/og, one per id, text that differs per route and id. */
function routeSource(index: number, ids: readonly string[]): string {
  return `import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return ${JSON.stringify(ids.map((id) => ({ id, size: { width: 1200, height: 630 }, alt: `Card ${index} ${id}` })))}
}

export default async function Image({ id }: { id: Promise<string> | string }) {
  const which = await id
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, background: 'linear-gradient(135deg, #0f172a, #1e3a8a)', color: 'white' }}>
      <div style={{ fontSize: 64 }}>{'Route ${index}: card ' + which}</div>
      <div style={{ display: 'flex', gap: 16 }}>
        <div style={{ width: 120, height: 120, borderRadius: 60, background: '#f59e0b' }} />
        <div style={{ fontSize: 32, color: '#cbd5e1' }}>imgmeta bench · ${index}</div>
      </div>
    </div>,
  )
}
`
}

/** The same card built without JSX, for timing the renderer alone. */
function card(index: number, id: string) {
  const div = (style: Record<string, unknown>, ...children: unknown[]) => createElement('div', { style }, ...(children as []))
  return div(
    { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, background: 'linear-gradient(135deg, #0f172a, #1e3a8a)', color: 'white' },
    div({ fontSize: 64 }, `Route ${index}: card ${id}`),
    div(
      { display: 'flex', gap: 16 },
      div({ width: 120, height: 120, borderRadius: 60, background: '#f59e0b' }),
      div({ fontSize: 32, color: '#cbd5e1' }, `imgmeta bench · ${index}`),
    ),
  )
}

/** The suite users write today: import each route, call its image function, toMatchImageSnapshot from jest-image-snapshot. */
function baselineSuite(ids: readonly string[][]): string {
  return `import { expect, test } from 'vitest'
import { toMatchImageSnapshot } from 'jest-image-snapshot'
expect.extend({ toMatchImageSnapshot })
const idsOfRoutes = ${JSON.stringify(ids)}
for (const [i, ids] of idsOfRoutes.entries()) {
  for (const id of ids) {
    test(\`route \${i} card \${id}\`, async () => {
      const mod = await import(\`../app/r\${i}/opengraph-image.tsx\`)
      const response = await mod.default({ params: Promise.resolve({}), id: Promise.resolve(id) })
      const png = Buffer.from(await response.arrayBuffer())
      expect(png).toMatchImageSnapshot()
    })
  }
}
`
}

/** Generates the app, installs the packed imgmeta into it and writes both sides' snapshots. */
function makeApp(images: number, packed: PackedImgmeta): Promise<string> {
  const dir = path.join(WORK, `app-${images}`)
  const ids = idsOfRoutes(images)
  rmSync(dir, { recursive: true, force: true })
  ids.forEach((routeIds, i) => {
    mkdirSync(path.join(dir, 'app', `r${i}`), { recursive: true })
    writeFileSync(path.join(dir, 'app', `r${i}`, 'opengraph-image.tsx'), routeSource(i, routeIds))
  })
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "bench-app", "private": true, "type": "module" }\n')
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { jsx: 'preserve', module: 'esnext', moduleResolution: 'bundler', strict: true, skipLibCheck: true } }),
  )
  mkdirSync(path.join(dir, 'baseline'), { recursive: true })
  writeFileSync(path.join(dir, 'baseline', 'cards.test.tsx'), baselineSuite(ids))
  return installPackedImgmeta(dir, packed).then(() => dir)
}

/** CPU time (user + system) of the waited-for child processes so far, in ms; undefined off Linux. */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Fields 16 and 17 of proc(5), cutime and cstime; `fields` starts at field 3.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

interface Sample {
  wall: number
  cpu: number | undefined
}

const env = { ...process.env, CI: '', NO_COLOR: '1' }

function timedProcess(label: string, dir: string, args: string[]): Sample {
  const cpu0 = childrenCpuMs()
  const start = performance.now()
  try {
    execFileSync(process.execPath, args, { cwd: dir, env, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer }
    throw new Error(`${label} failed in ${dir}:\n${stdout?.toString().slice(-3000)}\n${stderr?.toString()}`)
  }
  const wall = performance.now() - start
  const cpu1 = childrenCpuMs()
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 }
}

const imgmeta = (dir: string, command: 'check' | 'update', ...flags: string[]) =>
  timedProcess(`imgmeta ${command}`, dir, [path.join(dir, 'node_modules/.bin/imgmeta'), command, ...flags])

const BASELINE_CONFIG = `import { defineConfig } from 'vitest/config'
export default defineConfig({ oxc: { jsx: { runtime: 'automatic' } }, test: { include: ['baseline/**/*.test.tsx'], testTimeout: 600000 } })
`

/** One run of the baseline suite; its vitest config exists only while it runs, so imgmeta never sees it. */
function baseline(dir: string): Sample {
  writeFileSync(path.join(dir, 'vitest.config.ts'), BASELINE_CONFIG)
  try {
    return timedProcess('baseline vitest run', dir, [VITEST, 'run'])
  } finally {
    rmSync(path.join(dir, 'vitest.config.ts'))
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const cpuText = (sample: Sample) => (sample.cpu === undefined ? '' : `, CPU ${s(sample.cpu)}`)
const medianOf = (samples: Sample[], key: 'wall' | 'cpu') => median(samples.map((x) => x[key] ?? Number.NaN))

console.log(`imgmeta check benchmark: Node ${process.version}, ${os.availableParallelism()} cores, ${ROUNDS} rounds`)
rmSync(WORK, { recursive: true, force: true })
mkdirSync(WORK, { recursive: true })
const packed = await packImgmeta(path.join(WORK, 'pack'))
console.log(`imgmeta built and packed (${packed.files.length} files), installed into each generated app`)

// 1. The target: 200 images, both sides alternating, snapshots unchanged.
const app200 = await makeApp(200, packed)
imgmeta(app200, 'update')
baseline(app200) // writes the baseline's snapshots
const ours: Sample[] = []
const theirs: Sample[] = []
const unstamped: Sample[] = []
const ratios: number[] = []
console.log(`\n200 images (50 routes × 4 ids, 1200×630), snapshots unchanged`)
for (let round = 1; round <= ROUNDS; round++) {
  // Alternate which side goes first, so a load spike on the machine does not always hit the same one.
  let a: Sample
  let b: Sample
  if (round % 2 === 1) {
    a = imgmeta(app200, 'check')
    b = baseline(app200)
  } else {
    b = baseline(app200)
    a = imgmeta(app200, 'check')
  }
  // The same check with render stamps off: every image rasterized, encoded and compared with its snapshot.
  const c = imgmeta(app200, 'check', '--no-render-stamp')
  ours.push(a)
  theirs.push(b)
  unstamped.push(c)
  ratios.push(a.wall / b.wall)
  console.log(
    `  round ${round}: imgmeta check ${s(a.wall)}${cpuText(a)}; baseline ${s(b.wall)}${cpuText(b)}; ratio ${(a.wall / b.wall).toFixed(3)}×` +
      `; --no-render-stamp ${s(c.wall)} (${(c.wall / b.wall).toFixed(3)}×)`,
  )
}
const cpuRatio = medianOf(ours, 'cpu') / medianOf(theirs, 'cpu')
console.log(`  median: imgmeta check ${s(medianOf(ours, 'wall'))}, baseline (vitest + next/og + jest-image-snapshot) ${s(medianOf(theirs, 'wall'))}`)
console.log(`  ratio (median of rounds): ${median(ratios).toFixed(3)}× wall (target ≤ 0.1×)${Number.isNaN(cpuRatio) ? '' : `, ${cpuRatio.toFixed(3)}× CPU`}`)
console.log(
  `  with --no-render-stamp (every image rasterized and compared): ${s(medianOf(unstamped, 'wall'))}, ` +
    `${(medianOf(unstamped, 'wall') / medianOf(theirs, 'wall')).toFixed(3)}× of the baseline's median`,
)

// 2. Where the time goes: the installed package's runImageChecks in this process (each test records how long it
// spent checking and comparing), and the renderer and the comparison timed alone.
const dist = (file: string) => import(pathToFileURL(path.join(app200, 'node_modules/imgmeta/dist/cli', file)).href)
const { resolveRunOptions } = (await dist('run-options.js')) as typeof import('../cli/run-options.js')
const { runImageChecks } = (await dist('run-vitest.js')) as typeof import('../cli/run-vitest.js')
const options = await resolveRunOptions(app200, {}, { update: false, cwd: app200, env: { CI: '' } })
const outcome = await runImageChecks(options)
const workers = os.availableParallelism()
const n = outcome.results.length
const sum = (pick: (r: (typeof outcome.results)[number]) => number) => outcome.results.reduce((total, r) => total + pick(r), 0)
const checkTotal = sum((r) => r.timing?.checkMs ?? 0)
const compareTotal = sum((r) => r.timing?.compareMs ?? 0)
const testTotal = sum((r) => r.durationMs)
const renderSamples: number[] = []
const layoutSamples: number[] = []
await render(card(0, 'a'), { width: 1200, height: 630 })
for (let i = 0; i < 30; i++) {
  let start = performance.now()
  await render(card(i, IDS[i % IDS.length]!), { width: 1200, height: 630 })
  renderSamples.push(performance.now() - start)
  // What an image matched by its render stamp costs: the layout (satori) and the key, no raster.
  start = performance.now()
  const { svg } = await renderSvg(card(i, IDS[i % IDS.length]!), { width: 1200, height: 630 })
  renderKey(svg, 1200, 630)
  layoutSamples.push(performance.now() - start)
}
const snapshot = path.join(app200, '__image_snapshots__', 'routes', 'r0', 'opengraph-image', 'a.png')
const received = new Uint8Array(readFileSync(snapshot))
const compareStart = performance.now()
for (let i = 0; i < 200; i++) {
  compareImages(received, readFileSync(snapshot), { referenceLabel: 'reference', receivedLabel: 'received' })
}
const compareAlone = (performance.now() - compareStart) / 200
const perImage = (ms: number) => `${(ms / n).toFixed(2).padStart(6)} ms per image`
const wall = (ms: number) => s(ms).padStart(7)
console.log(`\nTime split of one imgmeta check of ${n} images (${outcome.results.filter((r) => r.state === 'passed').length} passed), run in this process on ${workers} workers:`)
console.log(`  start-up until tests run (list routes, load vite and vitest):  ${wall(outcome.timing.startupMs)}`)
console.log(`  tests phase:                                                   ${wall(outcome.timing.testsMs)}`)
console.log(`    check: metadata, request, layout (sum / ${workers} workers):        ${wall(checkTotal / workers)}  ${perImage(checkTotal)}`)
console.log(`    compare with the snapshot, by stamp (sum / ${workers} workers):    ${wall(compareTotal / workers)}  ${perImage(compareTotal)}`)
console.log(`    vitest around each test (sum / ${workers} workers):                ${wall((testTotal - checkTotal - compareTotal) / workers)}  ${perImage(testTotal - checkTotal - compareTotal)}`)
console.log(`    workers starting, routes loading, ids listed, tear-down:     ${wall(outcome.timing.testsMs - testTotal / workers)}`)
console.log(
  `  alone, in this process (median of 30): render one card ${median(renderSamples).toFixed(1)} ms, of which layout and render key ` +
    `${median(layoutSamples).toFixed(1)} ms (all an image matched by its stamp costs); compare one unchanged snapshot by bytes ${compareAlone.toFixed(3)} ms`,
)

// 3. Scaling: 50, 200 and 800 images.
console.log(`\nScaling (process wall time, best of 2 or of the rounds above; snapshots unchanged):`)
const scale: { images: number; ms: number; base?: number }[] = []
for (const images of [50, 200, 800]) {
  const dir = images === 200 ? app200 : await makeApp(images, packed)
  if (dir !== app200) imgmeta(dir, 'update')
  const ms = dir === app200 ? Math.min(...ours.map((x) => x.wall)) : Math.min(imgmeta(dir, 'check').wall, imgmeta(dir, 'check').wall)
  let base: number | undefined
  if (dir === app200) base = Math.min(...theirs.map((x) => x.wall))
  else if (images < 200 || process.env.BASELINE_800) {
    baseline(dir) // writes its snapshots
    base = baseline(dir).wall
  }
  scale.push({ images, ms, ...(base !== undefined && { base }) })
  if (dir !== app200) rmSync(dir, { recursive: true, force: true })
}
for (const [i, row] of scale.entries()) {
  const marginal = i === 0 ? '' : `, ${((row.ms - scale[i - 1]!.ms) / (row.images - scale[i - 1]!.images)).toFixed(1)} ms per added image`
  const base = row.base === undefined ? '' : `; baseline ${s(row.base)} → ${(row.ms / row.base).toFixed(3)}×`
  console.log(`  ${String(row.images).padStart(4)} images: ${s(row.ms).padStart(8)} (${(row.ms / row.images).toFixed(1)} ms per image${marginal})${base}`)
}
rmSync(WORK, { recursive: true, force: true })
