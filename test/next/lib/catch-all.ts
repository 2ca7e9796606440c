// The catch-all builds: each case adds image routes below `[...x]` or `[[...x]]` to a minimal app. Real Next
// either refuses to build it, naming the route, or (15) builds it and fails at run time; imgmeta must predict
// exactly which routes are unusable.
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import * as imgmeta from '../../../src/index.js'
import type { NextMajor } from '../../../src/index.js'
import type { CaseBuildOptions } from './case-builds.js'
import { get } from './http.js'
import { nextBuild, nextEnv, nextStart } from './next-process.js'
import { createWorkspace } from './workspace.js'

/** What one catch-all case did on real Next. */
export interface CatchAllOutcome {
  name: string
  build: 'failed' | 'built'
  /** The first line of the build error, or the statuses served when it built. */
  detail: string
}

/** Builds every case under `casesDir` on top of `baseDir` and compares the outcome with imgmeta's prediction. */
export async function runCatchAllCases(options: CaseBuildOptions): Promise<CatchAllOutcome[]> {
  const outcomes: CatchAllOutcome[] = []
  const names = (await readdir(options.casesDir)).sort()
  for (const name of names) {
    const caseDir = path.join(options.casesDir, name)
    const appDir = path.join(caseDir, 'app')
    const routes = await imgmeta.findImageRoutes(appDir)
    const workspace = await createWorkspace(options.baseDir, options.nodeModules, [caseDir])
    try {
      const build = await nextBuild(workspace.dir, options.buildArgs, nextEnv(options.env))
      let outcome: CatchAllOutcome
      const servedStatuses: string[] = []
      if (build.ok) {
        const server = await nextStart(workspace.dir, nextEnv(options.env))
        try {
          for (const pathname of ['/', ...routes.map((r) => exampleUrl(r.pathTemplate))]) {
            const response = await get(server.origin, pathname)
            await response.arrayBuffer()
            servedStatuses.push(`${pathname} ${response.status}`)
          }
        } finally {
          await server.stop()
        }
        outcome = { name, build: 'built', detail: servedStatuses.join(', ') }
      } else {
        outcome = { name, build: 'failed', detail: firstError(build.output) }
      }
      outcomes.push(outcome)
      options.log(`catch-all case ${name}: ${outcome.build} (${outcome.detail})`)

      for (const route of routes) {
        const mod = await options.load(route.file)
        const withIds = imgmeta.hasGenerateImageMetadata(mod)
        const nextRoute = route.pathTemplate + (withIds ? (options.nextVersion === 14 ? '/[[...__metadata_id__]]' : '/[__metadata_id__]') : '')
        const where = `catch-all case ${name}: ${path.relative(caseDir, route.file)}`
        // Real Next: the build fails naming the route, or it builds and the app answers 500.
        const nextBroken = build.ok ? servedStatuses.some((s) => s.endsWith(' 500')) : true
        if (!build.ok) {
          // 16 names the route and says "Optional catch-all" for [[...x]]; 14 prints one message for both kinds.
          const optional = route.params.some((p) => p.kind === 'optional-catch-all')
          const message =
            options.nextVersion === 14
              ? 'Catch-all must be the last part of the URL.'
              : `${optional ? 'Optional catch-all' : 'Catch-all'} must be the last part of the URL in route "${nextRoute}".`
          options.ledger.check('contract', where, 'build error', build.output.includes(message) ? message : firstError(build.output), message)
        }
        const predicted = await imgmetaRejects(route.file, appDir, mod, options.nextVersion)
        options.ledger.check('imgmeta', where, 'route is unusable (build fails or 500)', nextBroken ? 'unusable' : 'works', predicted ? 'unusable' : 'works')
      }
    } finally {
      await workspace.dispose()
    }
  }
  return outcomes
}

/** The first `Error:` line of a build's output (or its last lines). */
function firstError(output: string): string {
  const line = output.split('\n').find((l) => /^Error: /.test(l.trim())) ?? output.trim().split('\n').slice(-3).join(' ')
  return line.trim()
}

/** The route's URL for a one-segment catch-all value (and the id `small` the cases declare). */
function exampleUrl(template: string): string {
  return template.replace(/\/\[\[?\.\.\.[^\]]+\]\]?/, '/guide')
}

/** True when imgmeta refuses the route as a catch-all violation (resolve throws `catch-all-route`). */
async function imgmetaRejects(file: string, appDir: string, mod: Record<string, unknown>, nextVersion: NextMajor): Promise<boolean> {
  try {
    await imgmeta.resolveImageMetadata(mod, { file, appDir, nextVersion, params: { path: ['guide'] } })
    return false
  } catch (error) {
    if (error instanceof imgmeta.ImgmetaError && error.code === 'catch-all-route') return true
    throw error
  }
}
