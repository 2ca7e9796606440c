// The build-time params builds: each case is an image route with generateImageMetadata below `[locale]/blog/[slug]`
// (a layout and a page with generateStaticParams), added to the minimal base app. 16 calls generateImageMetadata
// with `params: {}` while it collects page data and fails the build when that throws; 14 and 15 never make the
// call. imgmeta must predict exactly which routes break the build, and each built route must serve its images.
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import * as imgmeta from '../../../src/index.js'
import type { NextMajor } from '../../../src/index.js'
import { callAsNextBuild, nextBuildCallsWithoutParams } from '../../../src/next-build-ids.js'
import type { ImageRouteModule } from '../../../src/image-route-module.js'
import type { CaseBuildOptions } from './case-builds.js'
import { get } from './http.js'
import { nextBuild, nextEnv, nextStart } from './next-process.js'
import { createWorkspace } from './workspace.js'

/** What one case did on real Next. */
export interface BuildParamsOutcome {
  name: string
  build: 'failed' | 'built'
  /** The params the build-time call received (from the route's error message), or the statuses served. */
  detail: string
}

/** The params each case's route sees when its post is missing: it throws `no post for <params as JSON>`. */
const NO_POST = /no post for (\{[^\n]*?\})/

/** Builds every case under `casesDir` on top of `baseDir` and compares the outcome with imgmeta's prediction. */
export async function runBuildParamsCases(options: CaseBuildOptions): Promise<BuildParamsOutcome[]> {
  const outcomes: BuildParamsOutcome[] = []
  for (const name of (await readdir(options.casesDir)).sort()) {
    const caseDir = path.join(options.casesDir, name)
    const appDir = path.join(caseDir, 'app')
    const routes = (await imgmeta.findImageRoutes(appDir)).filter((route) => route.source === 'code')
    const workspace = await createWorkspace(options.baseDir, options.nodeModules, [caseDir])
    try {
      const build = await nextBuild(workspace.dir, options.buildArgs, nextEnv(options.env))
      const seenParams = NO_POST.exec(build.output)?.[1]
      let detail = seenParams === undefined ? '' : `generateImageMetadata got ${seenParams}`
      if (build.ok) {
        const server = await nextStart(workspace.dir, nextEnv(options.env))
        try {
          // The pages' params, as generateStaticParams of the layout and the page give them.
          for (const pathname of ['/en/blog/hello/opengraph-image/card', '/de/blog/hallo/opengraph-image/card']) {
            const response = await get(server.origin, pathname)
            await response.arrayBuffer()
            options.ledger.check('contract', `build-params case ${name}: GET ${pathname}`, 'status', String(response.status), '200')
          }
        } finally {
          await server.stop()
        }
        detail = detail || 'images served'
      }
      outcomes.push({ name, build: build.ok ? 'built' : 'failed', detail })
      options.log(`build-params case ${name}: ${build.ok ? 'built' : 'failed'} (${detail || build.output.trim().split('\n').slice(-3).join(' ')})`)

      for (const route of routes) {
        const where = `build-params case ${name}: ${path.relative(caseDir, route.file)}`
        const nextRoute = `${route.pathTemplate}/[__metadata_id__]`
        if (!build.ok) {
          // What the build-time call received, and the error the build stops with.
          options.ledger.check('contract', where, 'params of the build-time call', seenParams ?? '(none seen)', '{}')
          const message = `Failed to collect page data for ${nextRoute}`
          options.ledger.check('contract', where, 'build error', build.output.includes(message) ? message : build.output.trim().split('\n').slice(-3).join(' '), message)
        }
        const mod = (await options.load(route.file)) as ImageRouteModule
        const predicted = await imgmetaPredictsFailure(mod, route, options.nextVersion)
        options.ledger.check('imgmeta', where, 'next build', build.ok ? 'builds' : 'fails', predicted ? 'fails' : 'builds')
      }
    } finally {
      await workspace.dispose()
    }
  }
  return outcomes
}

/** True when imgmeta reports the route as one that breaks `next build` (`next-build-fails`). */
async function imgmetaPredictsFailure(mod: ImageRouteModule, route: imgmeta.ImageRoute, nextVersion: NextMajor): Promise<boolean> {
  if (!nextBuildCallsWithoutParams(mod, route, nextVersion)) return false
  try {
    await callAsNextBuild(mod, route)
    return false
  } catch (error) {
    if (error instanceof imgmeta.ImgmetaError && error.code === 'next-build-fails') return true
    throw error
  }
}
