// Question: how long does a failing `toMatchImageSnapshot` take (1200×630 card, a 60×20 block changed:
// decode both, pixelmatch, write the diff composite), against jest-image-snapshot with runInProcess: true,
// both timed inside the same vitest run?
// Run: npx tsx bench/snapshot-changed.ts [iterations]
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createTempProject } from '../test/matchers/temp-project.js'

const iterations = Number(process.argv[2] ?? 15)
const project = createTempProject(['bench.test.ts'], 'both')
const out = path.join(project.dir, 'times.json')
try {
  const seed = project.run(['bench.test.ts'], { BENCH_MODE: 'seed' })
  if (seed.status !== 0) throw new Error(seed.output)
  // The run "fails" (every assertion reports a difference); the times are what matter.
  project.run(['bench.test.ts'], {
    BENCH_MODE: 'changed',
    BENCH_ITERATIONS: String(iterations),
    BENCH_OUT: out,
    UPDATE_SNAPSHOT: 'none',
  })
  const times = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number[]>
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const imgmeta = median(times.imgmeta!)
  const jis = median(times['jest-image-snapshot runInProcess']!)
  const diffs = path.join(project.dir, '__image_snapshots__', '__diff_output__')
  const ours = readFileSync(path.join(diffs, 'card-imgmeta-diff.png')).length
  const theirs = readFileSync(path.join(diffs, 'card-jis-in-process-diff.png')).length
  console.log(`changed 1200×630 card (60×20 block), median of ${iterations} in one vitest run:`)
  console.log(`  imgmeta                           ${imgmeta.toFixed(2)} ms  (diff composite ${ours} bytes)`)
  console.log(`  jest-image-snapshot runInProcess  ${jis.toFixed(2)} ms  (diff composite ${theirs} bytes)`)
  console.log(`imgmeta / jest-image-snapshot runInProcess  ${(imgmeta / jis).toFixed(3)}×  (target ≤ 0.5×)`)
} finally {
  project.cleanup()
}
