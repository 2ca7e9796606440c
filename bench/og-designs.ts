// Measures the two ways the reference renderer can follow a Next release, on the parity corpus, against that
// release's real next/og (resvg-wasm path, sharp refused), all in one process:
//   A "bundle": lay out with the satori inside the installed next/og (its bundle, re-exported from a copy) and
//     its own default font, rasterize with resvg-js;
//   B "table":  lay out with imgmeta's pinned satori for that release and its default font (og/releases.ts),
//     rasterize with resvg-js (what imgmeta/og does).
// For each release it prints: cards whose SVG is identical in A and B, cards at 0 px (pixelmatch 0.1) against
// next/og for A and for B, the cold start (loading the layout engine) and the median satori time of the bench card.
// Usage: npx tsx bench/og-designs.ts [release ...]   (releases are installed by `npm run goldens:og` first;
//        any installed release works, measured or not: e.g. 16.5.0 after `npm run goldens:og -- --next 16.5.0`)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pixelmatch from 'pixelmatch'
import type { ReactNode } from 'react'
import type { Font } from 'satori'
import { decodePng } from '../src/png.js'
import { readNextOg } from '../og/installed-next.js'
import { releaseFor } from '../og/releases.js'
import { getDefaultFonts } from '../og/fonts.js'
import { pixelsFromSvg } from '../og/render.js'
import { loadSatori, type Satori } from '../og/satori-engines.js'
import { BENCH_CARD, corpus, corpusItem, corpusOptions } from '../test/fixtures/og-corpus/index.js'
import { loadNextOg, nextVersion, refuseSharp, repoNextDir } from '../test/fixtures/og-corpus/next-og.js'

const BLANK = async () => []
const ROUNDS = 15

function nextDirFor(release: string): string {
  if (release === nextVersion()) return repoNextDir()
  const dir = path.join(os.tmpdir(), 'imgmeta-og-goldens', `next-${release}`, 'node_modules', 'next')
  if (!existsSync(dir)) throw new Error(`next ${release} is not installed; run npm run goldens:og -- --next ${release}`)
  return dir
}

/** Design A: the bundle's own satori, re-exported from a copy of next/og's module placed beside it. */
async function bundleSatori(nextDir: string): Promise<{ satori: Satori; fonts: Font[] }> {
  const og = readNextOg(nextDir)
  let source = readFileSync(path.join(og.dir, 'index.node.js'), 'utf8')
  const names = ['satori', ...(/^var initializedYoga\b/m.test(source) ? ['initializedYoga'] : [])]
  source = source.replace(/\nexport \{/, `\nexport { ${names.map((n) => `${n} as __imgmeta_${n}`).join(', ')} };\nexport {`)
  const copy = path.join(og.dir, 'imgmeta-bench-probe.mjs')
  writeFileSync(copy, source)
  const mod = (await import(pathToFileURL(copy).href)) as { __imgmeta_satori: Satori; __imgmeta_initializedYoga?: Promise<unknown> }
  await mod.__imgmeta_initializedYoga
  const font = og.font!
  const data = readFileSync(path.join(og.dir, font.file))
  return { satori: mod.__imgmeta_satori, fonts: [{ name: font.name, data, weight: font.weight as 400, style: font.style }] }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function measure(release: string): Promise<void> {
  const nextDir = nextDirFor(release)
  const og = readNextOg(nextDir)
  refuseSharp(true)
  const NextImageResponse = loadNextOg(nextDir)

  let start = performance.now()
  const a = await bundleSatori(nextDir)
  const coldA = performance.now() - start
  const plan = releaseFor(og)
  start = performance.now()
  const satoriB = await loadSatori(plan.satori)
  const fontsB = getDefaultFonts(plan)
  const coldB = performance.now() - start

  let sameSvg = 0
  let zeroA = 0
  let zeroB = 0
  let refused = 0
  const misses: string[] = []
  for (const item of corpus) {
    const options = corpusOptions(item)
    let reference
    try {
      reference = decodePng(Buffer.from(await new NextImageResponse(item.element(), options).arrayBuffer()), item.name)
    } catch {
      refused++
      continue
    }
    const lay = (satori: Satori, fonts: Font[]) =>
      satori(item.element() as ReactNode, { width: item.width, height: item.height, fonts: options.fonts ?? fonts, loadAdditionalAsset: BLANK })
    const svgA = await lay(a.satori, a.fonts)
    const svgB = await lay(satoriB, fontsB)
    if (svgA === svgB) sameSvg++
    const diff = (svg: string) =>
      pixelmatch(pixelsFromSvg({ svg, width: item.width, height: item.height, warnings: [] }), reference.data, undefined, item.width, item.height, { threshold: 0.1 })
    const [dA, dB] = [diff(svgA), diff(svgB)]
    if (dA === 0) zeroA++
    if (dB === 0) zeroB++
    if (dA !== 0 || dB !== 0) misses.push(`${item.name} A ${dA} px, B ${dB} px`)
  }

  const bench = corpusItem(BENCH_CARD)
  const timesA: number[] = []
  const timesB: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const options = { width: bench.width, height: bench.height, fonts: bench.fonts!, loadAdditionalAsset: BLANK }
    start = performance.now()
    await a.satori(bench.element() as ReactNode, options)
    timesA.push(performance.now() - start)
    start = performance.now()
    await satoriB(bench.element() as ReactNode, options)
    timesB.push(performance.now() - start)
  }
  const compared = corpus.length - refused
  console.log(
    `next ${release} (satori ${og.satori}, ${og.font?.file}): identical SVG ${sameSvg}/${compared}; ` +
      `0 px vs next/og wasm: A ${zeroA}/${compared}, B ${zeroB}/${compared}; refused by next/og ${refused}; ` +
      `cold start A ${coldA.toFixed(0)} ms, B ${coldB.toFixed(0)} ms; satori on ${BENCH_CARD} A ${median(timesA).toFixed(1)} ms, B ${median(timesB).toFixed(1)} ms`,
  )
  for (const miss of misses) console.log(`  ${miss}`)
}

const requested = process.argv.slice(2)
for (const release of requested.length > 0 ? requested : ['14.2.35', '15.5.29', '16.1.6', nextVersion()]) await measure(release)
