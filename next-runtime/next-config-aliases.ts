// Module aliases that the project's next.config adds to Next's bundler, such as next-intl's plugin pointing
// `next-intl/config` at `src/i18n/request.ts`. They are read from the config's `turbopack.resolveAlias`
// (`experimental.turbo.resolveAlias` before Next 15.3), where plugins declare them for Turbopack.
import { existsSync } from 'node:fs'
import path from 'node:path'
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
    const { runnerImport } = await import('vite')
    const loaded = await runnerImport<{ default?: unknown }>(file, { root, configFile: false, logLevel: 'silent' })
    const exported = loaded.module.default ?? loaded.module
    config = typeof exported === 'function' ? await (exported as (phase: string, context: object) => unknown)(PHASE_PRODUCTION_BUILD, { defaultConfig: {} }) : exported
  } catch (error) {
    return { aliases: [], file, error: String((error as Error)?.message ?? error).split('\n')[0] }
  }
  const settings = config as { turbopack?: { resolveAlias?: unknown }; experimental?: { turbo?: { resolveAlias?: unknown } } } | undefined
  const table = { ...asObject(settings?.experimental?.turbo?.resolveAlias), ...asObject(settings?.turbopack?.resolveAlias) }
  const aliases: Alias[] = []
  for (const [find, target] of Object.entries(table)) {
    if (typeof target !== 'string') continue
    const replacement = target.startsWith('.') ? path.resolve(root, target) : target
    aliases.push({ find: new RegExp(`^${find.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`), replacement })
  }
  return { aliases, file }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}
