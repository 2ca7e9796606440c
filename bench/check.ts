// Question: how long does `imgmeta check` take on an app of 50 routes × 4 ids (200 cards, snapshots unchanged),
// against the same work written the way projects do it today (a vitest suite rendering with next/og and
// comparing with jest-image-snapshot's default matcher), measured in this run? Target: at most 0.1×.
// Also: how the time splits (start-up, render, compare) and how it scales from 50 to 200 to 800 images.
// Run: npx tsx bench/check.ts
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createElement } from 'react'
import { render } from '../src/og/index.js'
import { resolveRunOptions } from '../src/cli/run-options.js'
import { runImageChecks } from '../src/cli/run-vitest.js'

const REPO = fileURLToPath(new URL('../', import.meta.url))
const TSX = path.join(REPO, 'node_modules/tsx/dist/esm/index.mjs')
const BIN = path.join(REPO, 'src/cli/bin.ts')
const VITEST = path.join(REPO, 'node_modules/vitest/vitest.mjs')
const IDS = ['a', 'b', 'c', 'd']

/** A card route: 1200×630 ImageResponse from next/og, four ids, text that differs per route and id. */
function routeSource(index: number): string {
  return `import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return ${JSON.stringify(IDS.map((id) => ({ id, size: { width: 1200, height: 630 }, alt: `Card ${index} ${id}` })))}
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

/** The suite users write today: import each route, call its image function, toMatchImageSnapshot from jest-image-snapshot. */
function baselineSuite(routes: number): string {
  return `import { expect, test } from 'vitest'
import { toMatchImageSnapshot } from 'jest-image-snapshot'
expect.extend({ toMatchImageSnapshot })
const ids = ${JSON.stringify(IDS)}
for (let i = 0; i < ${routes}; i++) {
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

function makeApp(routes: number): string {
  const dir = path.join(REPO, '.tmp', `bench-check-${routes}`)
  rmSync(dir, { recursive: true, force: true })
  for (let i = 0; i < routes; i++) {
    mkdirSync(path.join(dir, 'app', `r${i}`), { recursive: true })
    writeFileSync(path.join(dir, 'app', `r${i}`, 'opengraph-image.tsx'), routeSource(i))
  }
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "bench-app", "private": true, "type": "module" }\n')
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { jsx: 'preserve', module: 'esnext', moduleResolution: 'bundler', strict: true, skipLibCheck: true } }),
  )
  return dir
}

function timed(fn: () => void): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

const env = { ...process.env, CI: '', NO_COLOR: '1' }
function imgmeta(dir: string, command: string): number {
  return timed(() => {
    try {
      execFileSync(process.execPath, ['--import', TSX, BIN, command], { cwd: dir, env, stdio: 'pipe' })
    } catch (error) {
      const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer }
      throw new Error(`imgmeta ${command} failed in ${dir}:\n${stdout.toString().slice(-3000)}\n${stderr.toString()}`)
    }
  })
}

function baseline(dir: string, routes: number): number {
  mkdirSync(path.join(dir, 'baseline'), { recursive: true })
  writeFileSync(path.join(dir, 'baseline', 'cards.test.tsx'), baselineSuite(routes))
  writeFileSync(
    path.join(dir, 'vitest.config.ts'),
    `import { defineConfig } from 'vitest/config'\nexport default defineConfig({ oxc: { jsx: { runtime: 'automatic' } }, test: { include: ['baseline/**/*.test.tsx'], testTimeout: 600000 } })\n`,
  )
  const run = () => execFileSync(process.execPath, [VITEST, 'run'], { cwd: dir, env, stdio: 'pipe' })
  run() // writes the snapshots
  const ms = timed(run)
  rmSync(path.join(dir, 'vitest.config.ts'))
  return ms
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`
console.log(`imgmeta check benchmark: Node ${process.version}, ${os.cpus().length} cores`)

// 1. The target: 200 images, imgmeta check vs the jest-image-snapshot suite, snapshots unchanged.
const app200 = makeApp(50)
imgmeta(app200, 'update')
const check200 = imgmeta(app200, 'check')
const check200b = imgmeta(app200, 'check')
const imgmeta200 = Math.min(check200, check200b)
console.log(`\n200 images (50 routes × 4 ids), snapshots unchanged`)
console.log(`  imgmeta check (process, best of 2):                ${fmt(imgmeta200)}`)
const base200 = baseline(app200, 50)
console.log(`  vitest + next/og + jest-image-snapshot default:    ${fmt(base200)}`)
console.log(`  ratio: ${(imgmeta200 / base200).toFixed(3)}× (target ≤ 0.1×)`)

// 2. Where the time goes: the same run in this process, plus render and compare measured alone.
const options = await resolveRunOptions(app200, {}, { update: false, cwd: app200, env: { CI: '' } })
const outcome = await runImageChecks(options)
const card = createElement('div', { style: { width: '100%', height: '100%', display: 'flex', padding: 64, background: 'linear-gradient(135deg, #0f172a, #1e3a8a)', color: 'white', fontSize: 64 } }, 'Route 1: card a')
await render(card, { width: 1200, height: 630 })
const renderStart = performance.now()
for (let i = 0; i < 20; i++) await render(card, { width: 1200, height: 630 })
const renderMs = (performance.now() - renderStart) / 20
const snapshot = path.join(app200, '__image_snapshots__', 'r0', 'opengraph-image', 'a.png')
const rendered = readFileSync(snapshot)
const compareStart = performance.now()
for (let i = 0; i < 200; i++) readFileSync(snapshot).equals(rendered)
const compareMs = (performance.now() - compareStart) / 200
console.log(`\nTime split of one in-process run (${outcome.results.length} images, ${outcome.results.filter((r) => r.state === 'passed').length} passed):`)
console.log(`  start-up (vite, vitest, workers, route discovery): ${fmt(outcome.timing.startupMs)}`)
console.log(`  tests (load routes, render, compare, 2 workers):   ${fmt(outcome.timing.testsMs)}`)
console.log(`  render one 1200×630 card alone:                    ${renderMs.toFixed(1)} ms → ${fmt(renderMs * 200)} for 200 on one core`)
console.log(`  compare one unchanged snapshot (read + equal bytes): ${compareMs.toFixed(3)} ms → ${fmt(compareMs * 200)} for 200`)

// 3. Scaling.
console.log(`\nScaling of imgmeta check (process wall time, snapshots unchanged):`)
for (const routes of [50 / 4, 50, 200].map(Math.round)) {
  const dir = routes === 50 ? app200 : makeApp(routes)
  if (routes !== 50) imgmeta(dir, 'update')
  const ms = routes === 50 ? imgmeta200 : imgmeta(dir, 'check')
  console.log(`  ${String(routes * 4).padStart(4)} images: ${fmt(ms).padStart(8)}  (${(ms / (routes * 4)).toFixed(1)} ms per image)`)
  if (routes !== 50) rmSync(dir, { recursive: true, force: true })
}
rmSync(app200, { recursive: true, force: true })
