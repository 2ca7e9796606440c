// Question: how long does `toMatchImageSnapshot` take on an unchanged 1200×630 card, against
// jest-image-snapshot's default matcher (a child process per assertion) and against the floor of reading
// the reference file and comparing bytes, all timed inside the same vitest run?
// Run: npx tsx bench/snapshot-unchanged.ts [iterations]
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createTempProject } from '../test/matchers/temp-project.js'

const iterations = Number(process.argv[2] ?? 15)
const project = createTempProject(['bench.test.ts'], 'both')
const out = path.join(project.dir, 'times.json')
try {
  const seed = project.run(['bench.test.ts'], { BENCH_MODE: 'seed' })
  if (seed.status !== 0) throw new Error(seed.output)
  const run = project.run(['bench.test.ts'], {
    BENCH_MODE: 'unchanged',
    BENCH_ITERATIONS: String(iterations),
    BENCH_OUT: out,
    UPDATE_SNAPSHOT: 'none',
  })
  if (run.status !== 0) throw new Error(run.output)
  const times = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number[]>
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const m = Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, median(xs)]))
  const card = readFileSync(path.join(project.dir, '__image_snapshots__', 'card-imgmeta.png'))
  console.log(`unchanged 1200×630 card (${card.length} bytes), median of ${iterations} in one vitest run:`)
  for (const [name, ms] of Object.entries(m)) console.log(`  ${name.padEnd(34)} ${ms!.toFixed(3)} ms`)
  const vsJis = m.imgmeta! / m['jest-image-snapshot']!
  const vsFloor = m.imgmeta! / m.floor!
  console.log(`imgmeta / jest-image-snapshot (default)     ${vsJis.toFixed(4)}×  (target ≤ 0.02×)`)
  console.log(`imgmeta / jest-image-snapshot runInProcess  ${(m.imgmeta! / m['jest-image-snapshot runInProcess']!).toFixed(4)}×`)
  console.log(`imgmeta / floor (read file + compare bytes) ${vsFloor.toFixed(2)}×  (target ≤ 5×)`)
} finally {
  project.cleanup()
}
