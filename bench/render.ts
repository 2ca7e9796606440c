// Question: what does rendering an image to PNG bytes cost with imgmeta/og, against next/og's
// `new ImageResponse(...).arrayBuffer()` with sharp and with resvg-wasm, in this same process?
// Targets: imgmeta/og ≤ 1.0× next/og+sharp and ≤ 0.4× next/og+wasm on the 1200×630 bench card, for each
// measured release: the repo's next (16.4, the only one that uses sharp) in full, and every other release
// installed by `npm run goldens:og` (in the temporary folder) against its next/og on resvg-wasm, imgmeta/og laying
// out as that release.
// Run: npx tsx bench/render.ts   (RUNS=60 for more samples)
//
// The machine may be shared, so the pipelines being compared run interleaved, round by round, in alternating
// order: a load spike hits both. Each ratio comes from one phase (next/og keeps sharp once it found it, so the
// wasm phase runs first with sharp refused). Wall time is the target; CPU time (all threads of the process,
// so sharp's worker threads count) is printed too because it is far less sensitive to other processes.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { inlineCanvasGradients } from '../og/canvas-gradient.js'
import { encodePng, ImageResponse, render, renderPixels, renderSvg } from '../og/index.js'
import { readPngHeader } from '../src/png.js'
import { BENCH_CARD, BENCH_ICON, corpusItem, corpusOptions, type CorpusItem } from '../test/fixtures/og-corpus/index.js'
import { loadNextOg, nextVersion, refuseSharp, sharpLookups } from '../test/fixtures/og-corpus/next-og.js'
import { MEASURED_RELEASES } from '../og/releases.js'

const RUNS = Number(process.env.RUNS ?? 30)
const WARMUP = 3

type Task = () => unknown
interface Sample {
  wall: number
  cpu: number
}

async function measure(task: Task): Promise<Sample> {
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  await task()
  const wall = performance.now() - start
  const cpu = process.cpuUsage(cpu0)
  return { wall, cpu: (cpu.user + cpu.system) / 1000 }
}

/** Runs every task once per round, the order reversed every other round; returns each task's samples. */
async function interleaved(tasks: Record<string, Task>): Promise<Map<string, Sample[]>> {
  const names = Object.keys(tasks)
  const samples = new Map<string, Sample[]>(names.map((name) => [name, []]))
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const sample = await measure(tasks[name]!)
      if (round >= WARMUP) samples.get(name)!.push(sample)
    }
  }
  return samples
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const NextImageResponse = loadNextOg()
const require = createRequire(import.meta.url)
const sharp = require('sharp') as (input: Uint8Array) => { resize(width: number): { png(): { toBuffer(): Promise<Buffer> } } }

const card = corpusItem(BENCH_CARD)
const icon = corpusItem(BENCH_ICON)
const ours = (item: CorpusItem): Task => () => new ImageResponse(item.element(), corpusOptions(item)).arrayBuffer()
const oursRender = (item: CorpusItem): Task => () => render(item.element(), corpusOptions(item))
const next = (item: CorpusItem): Task => () => new NextImageResponse(item.element(), corpusOptions(item)).arrayBuffer()
const resvgOptions = (item: CorpusItem, systemFonts: boolean) =>
  ({ fitTo: { mode: 'width', value: item.width }, font: { loadSystemFonts: systemFonts } }) as const

// Both sides must produce complete PNG bytes of the same size from the same element.
async function checkSameSize(label: string, task: Task, item: CorpusItem): Promise<void> {
  const { width, height } = readPngHeader(new Uint8Array((await task()) as ArrayBuffer), `${label} ${item.name}`)
  if (width !== item.width || height !== item.height) throw new Error(`${label} rendered ${item.name} at ${width}×${height}`)
}

// Phase 1: next/og on resvg-wasm (sharp refused), interleaved with imgmeta/og.
refuseSharp(true)
for (const item of [card, icon]) {
  await checkSameSize('imgmeta/og', ours(item), item)
  await checkSameSize('next/og+wasm', next(item), item)
}
const wasm = await interleaved({
  'card ours': ours(card),
  'card next/og+wasm': next(card),
  'icon ours': ours(icon),
  'icon next/og+wasm': next(icon),
})
const afterWasm = sharpLookups()

// Phase 1b: the other measured releases, each next/og on resvg-wasm (they never use sharp) against imgmeta/og
// laying out as that release.
const releaseRuns = new Map<string, Map<string, Sample[]>>()
for (const release of Object.keys(MEASURED_RELEASES).filter((r) => r !== nextVersion())) {
  const dir = path.join(os.tmpdir(), 'imgmeta-og-goldens', `next-${release}`, 'node_modules', 'next')
  if (!existsSync(dir)) {
    console.log(`next ${release} is not installed in ${dir}: run npm run goldens:og -- --next ${release} to bench it`)
    continue
  }
  const ReleaseImageResponse = loadNextOg(dir)
  const options = { ...corpusOptions(card), nextRelease: release }
  const oursAs: Task = () => new ImageResponse(card.element(), options).arrayBuffer()
  const theirs: Task = () => new ReleaseImageResponse(card.element(), corpusOptions(card)).arrayBuffer()
  await checkSameSize(`imgmeta/og as ${release}`, oursAs, card)
  await checkSameSize(`next ${release} next/og+wasm`, theirs, card)
  releaseRuns.set(release, await interleaved({ ours: oursAs, 'next/og+wasm': theirs }))
}

// Phase 2: next/og on sharp, interleaved with imgmeta/og and with the parts of both pipelines.
refuseSharp(false)
for (const item of [card, icon]) await checkSameSize('next/og+sharp', next(item), item)
const { svg: cardSvg } = await renderSvg(card.element(), corpusOptions(card))
// What imgmeta/og hands resvg: satori's SVG with a full-canvas gradient painted directly (canvas-gradient.ts).
const cardRasterSvg = inlineCanvasGradients(cardSvg, card.width, card.height)
const cardPremultiplied = new Resvg(cardRasterSvg, resvgOptions(card, false)).render().pixels
const { svg: iconSvg } = await renderSvg(icon.element(), corpusOptions(icon))
const sharpTasks = await interleaved({
  'card ours': ours(card),
  'card next/og+sharp': next(card),
  'card ours render()': oursRender(card),
  'card ours renderPixels()': () => renderPixels(card.element(), corpusOptions(card)),
  'card satori (renderSvg)': () => renderSvg(card.element(), corpusOptions(card)),
  'card resvg raster': () => new Resvg(cardRasterSvg, resvgOptions(card, false)).render().pixels,
  "card resvg raster, satori's SVG as is": () => new Resvg(cardSvg, resvgOptions(card, false)).render().pixels,
  'card encodePng (premultiplied)': () => encodePng(cardPremultiplied, card.width, card.height, { premultiplied: true }),
  'card resvg asPng()': () => new Resvg(cardSvg, resvgOptions(card, false)).render().asPng(),
  'card sharp raster + PNG': () => sharp(new TextEncoder().encode(cardSvg)).resize(card.width).png().toBuffer(),
  'icon ours': ours(icon),
  'icon next/og+sharp': next(icon),
  'icon ours renderPixels()': () => renderPixels(icon.element(), corpusOptions(icon)),
  'icon resvg raster': () => new Resvg(iconSvg, resvgOptions(icon, false)).render().pixels,
  'icon resvg raster, system fonts scanned': () => new Resvg(iconSvg, resvgOptions(icon, true)).render().pixels,
})
const afterSharp = sharpLookups()
if (afterWasm.refused === 0 || afterWasm.allowed !== 0 || afterSharp.allowed === 0) {
  throw new Error(`next/og did not take the expected rasterizer paths: ${JSON.stringify({ afterWasm, afterSharp })}`)
}

function row(label: string, samples: Sample[]): void {
  const wall = median(samples.map((s) => s.wall))
  const cpu = median(samples.map((s) => s.cpu))
  console.log(`  ${label.padEnd(44)} ${wall.toFixed(2).padStart(8)} ms wall ${cpu.toFixed(2).padStart(8)} ms cpu`)
}

function ratio(label: string, mine: Sample[], anchor: Sample[], target?: number): void {
  const wall = median(mine.map((s) => s.wall)) / median(anchor.map((s) => s.wall))
  const cpu = median(mine.map((s) => s.cpu)) / median(anchor.map((s) => s.cpu))
  // Per-round ratios: the two were measured back to back, so a slow round slows both.
  const paired = median(mine.map((s, i) => s.wall / anchor[i]!.wall))
  // Met only when both estimates are within the target, so one lucky estimate cannot pass a run.
  const verdict = target === undefined ? '' : `  target ≤ ${target.toFixed(1)}×: ${Math.max(wall, paired) <= target ? 'met' : 'MISSED'}`
  console.log(`  ratio ${label.padEnd(38)} ${wall.toFixed(2)}× wall (paired ${paired.toFixed(2)}×), ${cpu.toFixed(2)}× cpu${verdict}`)
}

console.log(`median of ${RUNS} interleaved rounds after ${WARMUP} warm-up rounds, one process (node ${process.version})`)
for (const [item, prefix, targets] of [
  [card, 'card', { sharp: 1.0, wasm: 0.4 }],
  [icon, 'icon', {}],
] as const) {
  const t = (name: string) => sharpTasks.get(`${prefix} ${name}`)
  console.log(`\n${item.name} (${item.width}×${item.height})`)
  console.log(' phase with next/og on sharp:')
  for (const [name, samples] of sharpTasks) if (name.startsWith(`${prefix} `)) row(name.slice(prefix.length + 1), samples)
  ratio('imgmeta/og / next/og+sharp', t('ours')!, t('next/og+sharp')!, 'sharp' in targets ? targets.sharp : undefined)
  console.log(' phase with next/og on resvg-wasm:')
  row('ours', wasm.get(`${prefix} ours`)!)
  row('next/og+wasm', wasm.get(`${prefix} next/og+wasm`)!)
  ratio('imgmeta/og / next/og+wasm', wasm.get(`${prefix} ours`)!, wasm.get(`${prefix} next/og+wasm`)!, 'wasm' in targets ? targets.wasm : undefined)
}
for (const [release, samples] of releaseRuns) {
  console.log(`\n${card.name} as next ${release} (its next/og never uses sharp)`)
  row('ours', samples.get('ours')!)
  row('next/og+wasm', samples.get('next/og+wasm')!)
  ratio(`imgmeta/og / next ${release} next/og+wasm`, samples.get('ours')!, samples.get('next/og+wasm')!, 0.4)
}
console.log('\n"ours" is imgmeta/og `new ImageResponse(...).arrayBuffer()`, the same call as next/og\'s.')
