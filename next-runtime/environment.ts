// Next's server module environment under vite, assembled in one place: the `imgmeta/vitest` plugin applies it,
// and through that plugin `imgmeta check`, `imgmeta update`, `imgmeta preview` and testImageRoutes. Each piece
// lives in its own file; the next Next module to support is added here.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Alias, UserConfig } from 'vite'
import { clientReferenceModule, exportedNames, isClientModule, isEsModuleCode } from './client-reference.js'
import { commonJsExportNames } from './commonjs-exports.js'
import { nextConfigAliases } from './next-config-aliases.js'
import { packagesBuiltForNext } from './next-dependencies.js'
import { nextServerEnv } from './next-env.js'
import { resolvesFrom, serverReact, type NextModuleSwap } from './server-react.js'
import { mayBePathAlias, tsconfigPathsMatcher, type TsconfigPathsMatcher } from './tsconfig-paths.js'
import { nextBuildBundler } from '../src/build-bundler.js'
import { detectNextVersion } from '../src/next-version.js'
import { googleFontModule, localFontModule, nameFontCalls, type FontBuild } from './next-font.js'
import { nextCacheModule, nextHeadersModule } from './next-request-modules.js'
import { isStaticImageFile, isStyleFile, staticImageModule, styleModule } from './static-assets.js'
import {
  isAppJsxFile,
  viteReadsTsconfigPaths,
  loadNextModule,
  nextAppViteSettings,
  nextModuleAliases,
  resolveNextModule,
  transformAppJsx,
  type NextOgRenderer,
} from './vite-environment.js'

/** Options of the environment. */
export interface NextEnvironmentOptions {
  /** What `next/og` renders with. */
  renderer: NextOgRenderer
  /**
   * Also give the tests the process environment of `next start`: the project's `.env*` files, NODE_ENV=production,
   * NEXT_RUNTIME=nodejs (the imgmeta command sets it; a user's own vitest run keeps its own environment).
   */
  processEnv?: boolean
  /**
   * Load modules as Next's server build (its react-server layer) does: the `react-server` export condition,
   * `'use client'` modules as client references, Next's server-layer next/navigation and next/link. The imgmeta
   * command turns it on; a project's own vitest run keeps React's client build for its component tests unless
   * its config asks for it.
   */
  serverLayer?: boolean
}

/** Virtual modules of Next's bundler-provided or request-scoped modules, by the bare name code imports. */
const NEXT_VIRTUAL_MODULES: Record<string, RegExp> = {
  '\0imgmeta:next-font-google': /^(next|@next)\/font\/google(\/index\.js)?$/,
  '\0imgmeta:next-font-local': /^(next|@next)\/font\/local(\/index\.js)?$/,
  '\0imgmeta:next-headers': /^next\/headers(\.js)?$/,
  '\0imgmeta:next-cache': /^next\/cache(\.js)?$/,
  '\0imgmeta:client-only': /^client-only$/,
}

/** Prefixes of the ids that stand for a style sheet or an image (the `.js` ending keeps vite's CSS and asset plugins off). */
const STYLE_ID = '\0imgmeta-style:'
const IMAGE_ID = '\0imgmeta-image:'
/** Prefix of an alias target that Node loads itself (vite marks it external). */
const NATIVE_ID = '\0imgmeta-native:'
/** Prefix of the alias target of such a module, by its name in the package (resolved from the project). */
const NATIVE_ALIAS = '\0imgmeta-native-alias:'
/** Prefix of the id of an installed 'use client' module, loaded as client references. */
const CLIENT_ID = '\0imgmeta-client:'

/** The condition Next resolves server code with, before vite's own server conditions. */
export const REACT_SERVER_CONDITION = 'react-server'

/**
 * Modules Next swaps for their server-layer build in server code (its webpack config's RSC aliases), each with
 * the files it has been in across releases: the first the installed Next has is used.
 */
const SERVER_LAYER_MODULES: readonly { find: RegExp; files: readonly string[] }[] = [
  { find: /^next\/navigation(\.js)?$/, files: ['next/dist/client/components/navigation.react-server.js'] },
  // Next's server layer takes next/link from link.react-server, which renders the 'use client' link module (15+:
  // app-dir/link.js; 14: client/link.js): the client module itself, as a client reference, is what server code meets.
  { find: /^next\/link(\.js)?$/, files: ['next/dist/client/app-dir/link.js', 'next/dist/client/link.js'] },
  { find: /^next\/form(\.js)?$/, files: ['next/dist/client/app-dir/form.js'] },
]

/** The server layer's module swaps the installed Next has files for. */
function serverLayerSwaps(root: string): NextModuleSwap[] {
  return SERVER_LAYER_MODULES.flatMap(({ find, files }) => {
    const file = files.find((candidate) => resolvesFrom(root, candidate))
    return file === undefined ? [] : [{ find, file }]
  })
}

/** Aliases of swapped modules to the project's Next files, left to Node (they are CommonJS, which vite would otherwise load itself, even under SSR). */
function nativeAliases(swaps: readonly NextModuleSwap[]): Alias[] {
  return swaps.map(({ find, file }) => ({ find, replacement: `${NATIVE_ALIAS}${file}` }))
}

/**
 * The id of a virtual module standing for a file: the path encoded, so that no `/node_modules/` in it makes vitest
 * hand the id to Node, and ending in `.js`, so that vite's CSS and asset plugins leave it alone.
 */
/** The build whose next/font and static image objects are reproduced: the installed Next and the bundler its build script uses. */
function fontBuild(root: string): FontBuild {
  const nextVersion = detectNextVersion(root)
  return { nextVersion, bundler: nextBuildBundler(root, nextVersion) }
}

function virtualId(prefix: string, file: string): string {
  return `${prefix}${encodeURIComponent(file)}.js`
}

function fileOfVirtualId(prefix: string, id: string): string {
  return decodeURIComponent(id.slice(prefix.length, -'.js'.length))
}

/** Files of installed packages already read for their directive, and whether they are client modules. */
const clientFiles = new Map<string, boolean>()

/** True when an installed file begins with 'use client' (its first bytes are read once). */
function startsWithUseClient(file: string): boolean {
  let known = clientFiles.get(file)
  if (known === undefined) {
    try {
      known = isClientModule(readFileSync(file, 'utf8').slice(0, 512))
    } catch {
      known = false
    }
    clientFiles.set(file, known)
  }
  return known
}

/** The client references of an installed 'use client' module, ES or CommonJS. */
async function installedClientModule(file: string): Promise<string> {
  const code = readFileSync(file, 'utf8')
  if (!isEsModuleCode(code)) return clientReferenceModule(file, commonJsExportNames(file))
  const { parseAst } = await import('vite')
  return clientReferenceModule(file, exportedNames(parseAst(code) as { body: unknown[] }))
}

/**
 * An ES module that requires a CommonJS file through Node and re-exports its names: vite (even under SSR) would
 * otherwise load an aliased file itself and fail on `exports`.
 */
function nativeCommonJsModule(file: string): string {
  const names = commonJsExportNames(file).filter((name) => name !== 'default')
  return (
    `import { createRequire } from 'node:module'\n` +
    `const native = createRequire(${JSON.stringify(file)})(${JSON.stringify(file)})\n` +
    names.map((name) => `export const ${name} = native[${JSON.stringify(name)}]\n`).join('') +
    `export default native\n`
  )
}

interface ResolveContext {
  resolve(source: string, importer?: string, options?: { skipSelf?: boolean }): Promise<{ id: string; external?: unknown } | null>
}

/** The hooks of the environment, for a vite plugin to call from its own hooks of the same names. */
export interface NextServerEnvironment {
  /** Settings merged into the user's config: JSX, tsconfig paths, aliases, conditions, dependencies to inline, env. */
  config(config: UserConfig, viteMajor: number): Promise<UserConfig>
  configResolved(config: {
    root: string
    oxc?: unknown
    ssr?: { resolve?: { conditions?: readonly string[] } }
  }): void
  resolveId(context: ResolveContext, source: string, importer: string | undefined): Promise<string | null>
  load(id: string): string | null | Promise<string>
  transform(code: string, id: string): Promise<{ code: string; map?: unknown } | null>
}

/** Creates Next's server module environment for one vite config (see the file comment). */
export function nextServerEnvironment(options: NextEnvironmentOptions): NextServerEnvironment {
  let root = process.cwd()
  let jsxOptions: unknown
  let jsxFiles = false
  // With Next's vendored React, the modules vitest leaves to Node must not resolve with `react-server` (below):
  // where vitest reads the conditions it hands to Node from, once known.
  let nodeConditionsIn: 'resolve' | 'ssr.resolve' | undefined
  // A next.config that failed to load: said when the config is resolved, once per vite config.
  let nextConfigFailure: string | undefined
  // tsconfig `paths`, mapped here when vite does not read them itself (before vite 8).
  let pathsMatcher: TsconfigPathsMatcher | undefined
  return {
    async config(config, viteMajor) {
      root = path.resolve(config.root ?? process.cwd())
      const settings = nextAppViteSettings(config, viteMajor)
      pathsMatcher = viteReadsTsconfigPaths(viteMajor) ? undefined : tsconfigPathsMatcher(root)
      const fromNextConfig = await nextConfigAliases(root)
      nextConfigFailure =
        fromNextConfig.error === undefined
          ? undefined
          : `imgmeta: ${path.relative(root, fromNextConfig.file!)} could not be loaded, so the module aliases it gives Next ` +
            `(such as next-intl's next-intl/config) are left out: ${fromNextConfig.error}`
      const react = options.serverLayer ? serverReact(root) : undefined
      const aliases: Alias[] = [
        ...nextModuleAliases(options.renderer),
        ...Object.entries(NEXT_VIRTUAL_MODULES).map(([replacement, find]) => ({ find, replacement })),
        ...(react ? nativeAliases([...react.swaps, ...serverLayerSwaps(root)]) : []),
        ...fromNextConfig.aliases,
      ]
      // vite 6+ replaces its default conditions with the ones given, so they are listed again; vite 5 adds the
      // given ones to its defaults and has no `defaultServerConditions` export.
      const { defaultServerConditions } = (await import('vite')) as { defaultServerConditions?: readonly string[] }
      const conditions = react?.reactServerCondition ? [REACT_SERVER_CONDITION, ...(defaultServerConditions ?? [])] : undefined
      // vitest hands conditions to Node as `--conditions` for the modules it leaves to Node: on vite 6+ the
      // resolved `ssr.resolve.conditions` (a copy of the ssr environment's, taken out again in configResolved), on
      // vite 5 `resolve.conditions` (so left unset: vite 5 resolves SSR modules with `ssr.resolve.conditions`).
      // React 18 under `react-server` throws "This entry point is not yet supported outside of experimental
      // channels" in any package Node loads; Next 14's own server process runs without the condition too, its
      // bundles having resolved it.
      const swapsReact = (react?.swaps.length ?? 0) > 0
      nodeConditionsIn = !swapsReact ? undefined : defaultServerConditions ? 'ssr.resolve' : 'resolve'
      const userInline = (config as { test?: { server?: { deps?: { inline?: unknown } } } }).test?.server?.deps?.inline
      const inline = userInline === true ? [] : packagesBuiltForNext(root).map((name) => `${name}/`)
      const test: Record<string, unknown> = { server: { deps: { inline } } }
      if (options.processEnv) {
        const userEnv = (config as { test?: { env?: Record<string, string> } }).test?.env ?? {}
        test.env = { ...nextServerEnv(root), ...userEnv }
      }
      return {
        ...settings,
        resolve: { ...settings.resolve, alias: aliases, ...(conditions && nodeConditionsIn !== 'resolve' && { conditions }) },
        ssr: { ...(conditions && { resolve: { conditions } }), noExternal: inline.map((name) => name.slice(0, -1)) },
        test,
      } as UserConfig
    },
    configResolved(config) {
      root = config.root
      // Not vite's logger: the imgmeta command runs vite at level `error`, and this must be seen.
      if (nextConfigFailure !== undefined) console.warn(nextConfigFailure)
      const ssrResolve = config.ssr?.resolve
      if (nodeConditionsIn === 'ssr.resolve' && ssrResolve?.conditions) {
        // A copy: the ssr environment's own resolve options (what vite resolves inlined modules with) keep it.
        config.ssr!.resolve = { ...ssrResolve, conditions: ssrResolve.conditions.filter((name) => name !== REACT_SERVER_CONDITION) }
      }
      jsxFiles = typeof config.oxc === 'object' && config.oxc !== null
      jsxOptions = jsxFiles ? (config.oxc as { jsx?: unknown }).jsx : undefined
    },
    async resolveId(context, source, importer) {
      if (pathsMatcher && importer !== undefined && !importer.includes('/node_modules/') && mayBePathAlias(source)) {
        // Each target in turn through the whole resolution (this plugin's asset and client handling included).
        for (const candidate of pathsMatcher(source)) {
          const resolved = await context.resolve(candidate, importer, { skipSelf: false })
          if (resolved) return resolved.id
        }
      }
      if (source.startsWith(NATIVE_ALIAS)) {
        const file = createRequire(`${root}/`).resolve(source.slice(NATIVE_ALIAS.length))
        return startsWithUseClient(file) ? virtualId(CLIENT_ID, file) : virtualId(NATIVE_ID, file)
      }
      if (source.startsWith('\0')) {
        return [STYLE_ID, IMAGE_ID, CLIENT_ID, NATIVE_ID].some((prefix) => source.startsWith(prefix)) || source in NEXT_VIRTUAL_MODULES
          ? source
          : resolveNextModule(source)
      }
      if (importer === undefined || source.includes('?')) return null
      const asset = isStyleFile(source) || isStaticImageFile(source)
      // Installed modules: only bare specifiers and the absolute paths aliases give lead into node_modules.
      if (!asset && (!options.serverLayer || source.startsWith('.') || importer.startsWith('\0'))) return null
      const resolved = await context.resolve(source, importer, { skipSelf: true })
      if (!resolved || resolved.external || resolved.id.includes('?') || resolved.id.startsWith('\0')) return null
      if (asset) return virtualId(isStyleFile(resolved.id) ? STYLE_ID : IMAGE_ID, resolved.id)
      return options.serverLayer && resolved.id.includes('/node_modules/') && startsWithUseClient(resolved.id) ? virtualId(CLIENT_ID, resolved.id) : null
    },
    load(id) {
      if (id.startsWith(STYLE_ID)) return styleModule(fileOfVirtualId(STYLE_ID, id))
      if (id.startsWith(IMAGE_ID)) return staticImageModule(fileOfVirtualId(IMAGE_ID, id), { root, bundler: fontBuild(root).bundler })
      if (id.startsWith(CLIENT_ID)) return installedClientModule(fileOfVirtualId(CLIENT_ID, id))
      if (id.startsWith(NATIVE_ID)) return nativeCommonJsModule(fileOfVirtualId(NATIVE_ID, id))
      switch (id) {
        case '\0imgmeta:next-font-google':
          return googleFontModule(root, fontBuild(root))
        case '\0imgmeta:next-font-local':
          return localFontModule(fontBuild(root))
        case '\0imgmeta:next-headers':
          return nextHeadersModule()
        case '\0imgmeta:next-cache':
          return nextCacheModule()
        case '\0imgmeta:client-only':
          return 'export {}\n'
      }
      return loadNextModule(id, root)
    },
    async transform(code, id) {
      let current: { code: string; map?: unknown } | null = null
      if (jsxFiles && isAppJsxFile(id, code)) current = (await transformAppJsx(code, id, jsxOptions)) ?? null
      // Font calls are named after their const, as Next's SWC transform names them (the family of a local font).
      const named = id.startsWith('\0') ? undefined : nameFontCalls(current?.code ?? code)
      if (named !== undefined) current = { code: named, ...(current?.map !== undefined && { map: current.map }) }
      const source = current?.code ?? code
      if (!options.serverLayer || id.startsWith('\0') || !isClientModule(source)) return current
      const { parseAst } = await import('vite')
      const file = id.split('?')[0] ?? id
      return { code: clientReferenceModule(file, exportedNames(parseAst(source) as { body: unknown[] })), map: null }
    },
  }
}
