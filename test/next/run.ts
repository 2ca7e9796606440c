// Differential test against real Next.js: builds the fixture app with `next build`, serves it with
// `next start`, and compares every page's image tags and every image with what imgmeta predicts for the same
// files. Then builds the catch-all cases. Exits non-zero on any disagreement.
//
//   npm run test:next                   the pinned next (16, Turbopack)
//   npm run test:next -- --webpack      the pinned next with webpack
//   npm run test:next -- --next 15      installs next 15 into a temporary folder (also 14)
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as imgmeta from '../../src/index.js'
import { runBuildParamsCases, type BuildParamsOutcome } from './lib/build-params.js'
import { runCatchAllCases, type CatchAllOutcome } from './lib/catch-all.js'
import { runContractProbes } from './lib/contract-probes.js'
import { Ledger } from './lib/disagreements.js'
import { compareFixture, predictImage, NO_ROUTE, type FixtureStats } from './lib/fixture-diff.js'
import { createModuleLoader } from './lib/module-loader.js'
import { installNext } from './lib/next-install.js'
import { nextBuild, nextEnv, nextStart } from './lib/next-process.js'
import { listPages } from './lib/pages.js'
import { createWorkspace } from './lib/workspace.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const fixtureRoot = path.join(here, 'app')
const fixtureApp = path.join(fixtureRoot, 'app')
/** Without metadataBase, Next makes og/twitter URLs absolute with localhost and the PORT of the render; pages are prerendered at build time, where it is unset. */
const BUILD_TIME_BASE = 'http://localhost:3000'

function parseArgs(argv: string[]): { next: string; webpack: boolean } {
  let next = '16'
  let webpack = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--next') next = argv[++i] ?? ''
    else if (arg?.startsWith('--next=')) next = arg.slice('--next='.length)
    else if (arg === '--webpack') webpack = true
    else throw new Error(`unknown argument ${arg}; use --next 16|15|14 and --webpack`)
  }
  if (!['16', '15', '14'].includes(next)) throw new Error(`--next ${next}: use 16 (installed), 15 or 14`)
  if (webpack && next !== '16') throw new Error('--webpack applies to 16 only (15 and 14 build with webpack)')
  return { next, webpack }
}

const log = (line: string): void => console.log(`[next-diff] ${line}`)

async function main(): Promise<number> {
  const started = Date.now()
  const args = parseArgs(process.argv.slice(2))
  let nodeModules = path.join(repo, 'node_modules')
  let version = (JSON.parse(readFileSync(path.join(nodeModules, 'next', 'package.json'), 'utf8')) as { version: string }).version
  if (args.next !== '16') ({ nodeModules, version } = await installNext(args.next, log))
  const nextVersion = imgmeta.toNextMajor(version)
  const turbopack = nextVersion === 16 && !args.webpack
  const buildArgs = nextVersion === 16 && args.webpack ? ['--webpack'] : []
  // Turbopack reads only below its root; the temporary copy links node_modules from elsewhere.
  const env: Record<string, string> = turbopack ? { IMGMETA_TURBOPACK_ROOT: '/' } : {}
  log(`next ${version} (${turbopack ? 'Turbopack' : 'webpack'}), imgmeta behaviour ${nextVersion}`)

  const ledger = new Ledger()
  const loader = await createModuleLoader(here, path.join(repo, 'og', 'index.ts'))
  let stats: FixtureStats = { pages: 0, tags: 0, images: 0, pixelImages: 0, worst: undefined }
  let probes = 0
  let buildMs = 0
  let outcomes: CatchAllOutcome[] = []
  let paramsOutcomes: BuildParamsOutcome[] = []
  try {
    const workspace = await createWorkspace(fixtureRoot, nodeModules)
    try {
      log(`building ${fixtureRoot} in ${workspace.dir}`)
      const build = await nextBuild(workspace.dir, buildArgs, nextEnv(env))
      buildMs = build.ms
      if (!build.ok) {
        ledger.fail('contract', 'next build of the fixture app', 'build', `exit ${build.exitCode}`, 'success')
        console.error(build.output.slice(-6000))
      } else {
        log(`built in ${(build.ms / 1000).toFixed(1)} s; starting`)
        ledger.check('contract', 'next build', 'bundler', /\(Turbopack\)/.test(build.output) ? 'Turbopack' : 'webpack', turbopack ? 'Turbopack' : 'webpack')
        const server = await nextStart(workspace.dir, nextEnv(env))
        try {
          log(`serving on ${server.origin}`)
          const pages = await listPages(fixtureApp, loader.load)
          const routes = await imgmeta.findImageRoutes(fixtureApp)
          const ctx = { origin: server.origin, appDir: fixtureApp, nextVersion, turbopack, metadataBase: BUILD_TIME_BASE, load: loader.load, ledger, log, pixelParity: nextVersion === 16 }
          stats = await compareFixture(ctx, pages)
          probes = await runContractProbes(server.origin, nextVersion, ledger, async (pathname) => {
            const predicted = await predictImage(ctx, routes, pathname)
            // No route of imgmeta matches: what Next answers is its 404 page.
            if ('error' in predicted && predicted.error === NO_ROUTE) return { status: 404, contentType: '', cacheControl: '', probe: undefined, bytes: new Uint8Array() }
            return 'error' in predicted ? predicted : predicted.answer
          })
        } finally {
          await server.stop()
        }
      }
    } finally {
      await workspace.dispose()
    }

    // Both sets of cases are added to the catch-all base app.
    const caseBuilds = { baseDir: path.join(here, 'catch-all', 'base'), nodeModules, nextVersion, buildArgs, env, load: loader.load, ledger, log }
    outcomes = await runCatchAllCases({ ...caseBuilds, casesDir: path.join(here, 'catch-all', 'cases') })
    paramsOutcomes = await runBuildParamsCases({ ...caseBuilds, casesDir: path.join(here, 'build-params', 'cases') })
  } finally {
    await loader.close()
  }

  const seconds = (Date.now() - started) / 1000
  printReport({ version, bundler: turbopack ? 'Turbopack' : 'webpack', stats, probes, outcomes, paramsOutcomes, ledger, buildMs, seconds })
  return ledger.disagreements.length === 0 ? 0 : 1
}

function printReport(r: {
  version: string
  bundler: string
  stats: FixtureStats
  probes: number
  outcomes: CatchAllOutcome[]
  paramsOutcomes: BuildParamsOutcome[]
  ledger: Ledger
  buildMs: number
  seconds: number
}): void {
  const worst = r.stats.worst
  const rows: Array<[string, string]> = [
    ['next', `${r.version} (${r.bundler})`],
    ['pages', String(r.stats.pages)],
    ['tags', String(r.stats.tags)],
    ['images compared', String(r.stats.images)],
    ['pixel comparisons', String(r.stats.pixelImages)],
    ['worst pixel difference', worst && worst.diff.pixels === 0 ? `0 px (every image identical at threshold 0.1)` : worst ? `${worst.diff.pixels} of ${worst.diff.total} px (${((100 * worst.diff.pixels) / worst.diff.total).toFixed(3)} %) at ${worst.label}` : 'n/a'],
    ['contract probes', String(r.probes)],
    ['catch-all builds', r.outcomes.map((o) => `${o.name}: ${o.build}`).join('; ') || 'n/a'],
    ['build-time params builds', r.paramsOutcomes.map((o) => `${o.name}: ${o.build} (${o.detail})`).join('; ') || 'n/a'],
    ['comparisons', String(r.ledger.comparisons)],
    ['disagreements', String(r.ledger.disagreements.length)],
    ['fixture build', `${(r.buildMs / 1000).toFixed(1)} s`],
    ['runtime', `${r.seconds.toFixed(1)} s`],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log('')
  for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`)
  if (r.ledger.disagreements.length > 0) {
    console.log('\nDisagreements (Next first, then what was expected):')
    for (const d of r.ledger.disagreements) {
      console.log(`  [${d.against}] ${d.where}: ${d.what}\n      next:     ${d.next}\n      expected: ${d.expected}`)
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[next-diff] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exit(2)
  },
)
