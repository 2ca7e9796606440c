// Question: what does rendering an image to PNG bytes cost with imgmeta/og, against next/og's
// `new ImageResponse(...).arrayBuffer()` with sharp and with resvg-wasm, in this same process?
// Targets: imgmeta/og ≤ 1.0× next/og+sharp and ≤ 0.4× next/og+wasm on the 1200×630 bench card.
// Run: npx tsx bench/render.ts   (RUNS=40 for more samples)
import { Resvg } from '@resvg/resvg-js'
import { render, renderPixels, renderSvg } from '../src/og/index.js'
import { BENCH_CARD, BENCH_ICON, corpusItem, corpusOptions, type CorpusItem } from '../test/fixtures/og-corpus/index.js'
import { loadNextOg, refuseSharp, sharpLookups } from '../test/fixtures/og-corpus/next-og.js'

const RUNS = Number(process.env.RUNS ?? 20)
const WARMUP = 3

async function median(task: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await task()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await task()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

const NextImageResponse = loadNextOg()
const subjects = [corpusItem(BENCH_CARD), corpusItem(BENCH_ICON)]
const ours = (item: CorpusItem) => () => render(item.element(), corpusOptions(item))
const next = (item: CorpusItem) => () => new NextImageResponse(item.element(), corpusOptions(item)).arrayBuffer()

const results = new Map<string, Record<string, number>>()
for (const item of subjects) results.set(item.name, {})

// next/og keeps sharp once it found it, so its wasm path is measured first, with sharp refused.
for (const item of subjects) results.get(item.name)!['imgmeta/og render (PNG)'] = await median(ours(item))
refuseSharp(true)
for (const item of subjects) results.get(item.name)!['next/og + resvg-wasm'] = await median(next(item))
const afterWasm = sharpLookups()
refuseSharp(false)
for (const item of subjects) results.get(item.name)!['next/og + sharp'] = await median(next(item))
const afterSharp = sharpLookups()
if (afterWasm.refused === 0 || afterWasm.allowed !== 0 || afterSharp.allowed === 0) {
  throw new Error(`next/og did not take the expected rasterizer paths: ${JSON.stringify({ afterWasm, afterSharp })}`)
}
for (const item of subjects) {
  const row = results.get(item.name)!
  // Measured again after the anchors so drift over the run shows up, and the lower of the two is not picked.
  const again = await median(ours(item))
  row['imgmeta/og render (PNG)'] = (row['imgmeta/og render (PNG)']! + again) / 2
  row['imgmeta/og renderPixels (no PNG)'] = await median(() => renderPixels(item.element(), corpusOptions(item)))
  const { svg } = await renderSvg(item.element(), corpusOptions(item))
  row['  of which resvg raster only'] = await median(async () =>
    new Resvg(svg, { fitTo: { mode: 'width', value: item.width }, font: { loadSystemFonts: false } }).render(),
  )
  row['  resvg raster with system fonts scanned'] = await median(async () =>
    new Resvg(svg, { fitTo: { mode: 'width', value: item.width } }).render(),
  )
}

console.log(`median of ${RUNS} runs after ${WARMUP} warm-up runs, one process (node ${process.version})`)
for (const [name, row] of results) {
  const item = corpusItem(name)
  console.log(`\n${name} (${item.width}×${item.height})`)
  for (const [label, ms] of Object.entries(row)) console.log(`  ${label.padEnd(42)} ${ms.toFixed(2).padStart(8)} ms`)
  const mine = row['imgmeta/og render (PNG)']!
  console.log(`  ratio imgmeta/og / next/og+sharp  ${(mine / row['next/og + sharp']!).toFixed(2)}×${name === BENCH_CARD ? '  (target ≤ 1.0×)' : ''}`)
  console.log(`  ratio imgmeta/og / next/og+wasm   ${(mine / row['next/og + resvg-wasm']!).toFixed(2)}×${name === BENCH_CARD ? '  (target ≤ 0.4×)' : ''}`)
}
