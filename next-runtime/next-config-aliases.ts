// Module aliases that the project's next.config adds to Next's bundler, such as next-intl's plugin pointing
// `next-intl/config` at `src/i18n/request.ts`. They are read from the config's `turbopack.resolveAlias`
// (`experimental.turbo.resolveAlias` before Next 15.3), where plugins declare them for Turbopack.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Alias } from 'vite'

const NEXT_CONFIG_NAMES = ['next.config.ts', 'next.config.mts', 'next.config.mjs', 'next.config.js', 'next.config.cjs']

/** The phase `next build` hands a config function. */
const PHASE_PRODUCTION_BUILD = 'phase-production-build'

/** A load failure of next.config, reported by the caller (the aliases are then missing, nothing else). */
export interface NextConfigAliases {
  aliases: Alias[]
  file: string | undefined
  error?: string
}

/** The string aliases of the project's next.config as vite aliases (relative targets resolved against `root`). */
export async function nextConfigAliases(root: string): Promise<NextConfigAliases> {
  const file = NEXT_CONFIG_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate))
  if (file === undefined) return { aliases: [], file }
  let config: unknown
  try {
    const loaded = await importNextConfig(file, root)
    const exported = loaded.default ?? loaded
    config = typeof exported === 'function' ? await (exported as (phase: string, context: object) => unknown)(PHASE_PRODUCTION_BUILD, { defaultConfig: {} }) : exported
  } catch (error) {
    return { aliases: [], file, error: String((error as Error)?.message ?? error).split('\n')[0] }
  }
  const settings = config as
    | { turbopack?: { resolveAlias?: unknown }; experimental?: { turbo?: { resolveAlias?: unknown } }; webpack?: unknown }
    | undefined
  // Plugins give webpack builds (14, 15, 16 with --webpack) their aliases through the config's webpack hook only:
  // next-intl's plugin on 15 sets `next-intl/config` there unless TURBOPACK is set.
  const table = {
    ...webpackAliases(settings?.webpack, root, config),
    ...asObject(settings?.experimental?.turbo?.resolveAlias),
    ...asObject(settings?.turbopack?.resolveAlias),
  }
  const aliases: Alias[] = []
  for (const [name, target] of Object.entries(table)) {
    if (typeof target !== 'string') continue
    // webpack's `name$` is the exact-match form of `name`.
    const find = name.endsWith('$') ? name.slice(0, -1) : name
    const replacement = target.startsWith('.') ? path.resolve(root, target) : target
    aliases.push({ find: new RegExp(`^${find.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`), replacement })
  }
  return { aliases, file }
}

/** A TypeScript next.config (Next 15+), which only a runner can load: Node 20 does not strip types. */
const TYPESCRIPT_CONFIG = /\.m?ts$/

/**
 * The module of the project's next.config: through vite's runner (vite 6.1+), as Next loads a TypeScript config
 * with its own transform; with an older vite, a JavaScript config natively, as Next 14 loads it.
 */
async function importNextConfig(file: string, root: string): Promise<{ default?: unknown }> {
  const vite = (await import('vite')) as Partial<typeof import('vite')>
  if (vite.runnerImport) {
    return (await vite.runnerImport<{ default?: unknown }>(file, { root, configFile: false, logLevel: 'silent' })).module
  }
  if (TYPESCRIPT_CONFIG.test(file)) {
    throw new Error(`vite ${vite.version ?? '(unknown version)'} cannot load a TypeScript config; vite 6.1 or newer can, or write it as next.config.mjs`)
  }
  return (await import(pathToFileURL(file).href)) as { default?: unknown }
}

/**
 * The `resolve.alias` entries the config's webpack hook adds, called as Next calls it for the server build (a
 * config with `context` at the project root). A hook that needs more of webpack than that adds nothing here:
 * its failure is not the user's to fix, so it is not reported.
 */
function webpackAliases(hook: unknown, root: string, nextConfig: unknown): Record<string, unknown> {
  if (typeof hook !== 'function') return {}
  const webpackConfig = { context: root, mode: 'production', resolve: { alias: {} as Record<string, unknown> }, module: { rules: [] }, plugins: [], externals: [] }
  try {
    const returned = (hook as (config: object, context: object) => unknown)(webpackConfig, {
      dir: root,
      dev: false,
      isServer: true,
      nextRuntime: 'nodejs',
      buildId: 'imgmeta',
      config: nextConfig,
      defaultLoaders: {},
      totalPages: 0,
    })
    const result = returned && typeof returned === 'object' && !(returned instanceof Promise) ? (returned as typeof webpackConfig) : webpackConfig
    return asObject(result.resolve?.alias)
  } catch {
    return {}
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}
