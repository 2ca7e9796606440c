import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { didYouMean } from '../src/closest-name.js'
import { ImgmetaError } from '../src/errors.js'
import { TIMEOUT_MS } from '../src/option-rules.js'
import type { ImgmetaConfig } from '../src/config.js'

export { defineConfig, type ImgmetaConfig, type RendererChoice } from '../src/config.js'

/** Config file names looked for in the project root, in this order. */
export const CONFIG_FILE_NAMES: readonly string[] = [
  'imgmeta.config.ts',
  'imgmeta.config.mts',
  'imgmeta.config.js',
  'imgmeta.config.mjs',
]

/** A loaded config and the file it came from (undefined when the project has none). */
export interface LoadedConfig {
  file: string | undefined
  config: ImgmetaConfig
}

const CONFIG_KEYS: ReadonlySet<string> = new Set([
  'appDir',
  'params',
  'snapshotDir',
  'renderer',
  'nextVersion',
  'threshold',
  'failureThreshold',
  'failureThresholdType',
  'metadataBase',
  'siteUrl',
  'network',
  'strictCss',
  'timeoutMs',
])

/**
 * Loads `imgmeta.config.*` from `root` (or the file given), bundling TypeScript with vite so that no loader
 * of imgmeta's own is needed. A file that fails to load or holds unknown keys is a `config-failed` error.
 */
export async function loadConfig(root: string, explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile
    ? path.resolve(root, explicitFile)
    : CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate))
  if (file === undefined) return { file: undefined, config: {} }
  if (!existsSync(file)) {
    throw new ImgmetaError('config-failed', `${file}: config file not found; check the --config path.`)
  }
  let loaded: unknown
  try {
    const vite = await import('vite')
    if (typeof vite.runnerImport === 'function') {
      // The config imports defineConfig from 'imgmeta': point that at this very module, so the file loads even
      // where imgmeta is run with npx or from a checkout rather than installed in the project.
      const result = await vite.runnerImport<{ default?: unknown }>(file, {
        root,
        configFile: false,
        logLevel: 'silent',
        resolve: { alias: [{ find: /^imgmeta$/, replacement: fileURLToPath(import.meta.url) }] },
      })
      const exported = result.module.default
      loaded = typeof exported === 'function' ? await (exported as () => unknown)() : exported
    } else {
      // vite older than 6.1 (vitest 3.2 runs on vite 5) has no runnerImport; its config loader bundles the file
      // the same way, with imgmeta imported from the project's node_modules.
      const result = await (vite as typeof import('vite')).loadConfigFromFile({ command: 'serve', mode: 'test' }, file, root, 'silent')
      loaded = result?.config
    }
  } catch (error) {
    throw new ImgmetaError(
      'config-failed',
      `${file}: could not load the config: ${firstLine(error)}. ` +
        `Fix the file so that \`node\` could import it, with \`export default defineConfig({ … })\`.`,
      { cause: error },
    )
  }
  return { file, config: validateConfig(loaded, file) }
}

/** Checks the shape of a loaded config and names the first wrong field with what it should be. */
export function validateConfig(value: unknown, file: string): ImgmetaConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw configError(file, 'the default export', 'an object: export default defineConfig({ … })')
  }
  const config = value as Record<string, unknown>
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.has(key)) {
      throw new ImgmetaError(
        'config-failed',
        `${file}: unknown option "${key}"${didYouMean(key, CONFIG_KEYS)}; known options are ${[...CONFIG_KEYS].join(', ')}.`,
      )
    }
  }
  for (const key of ['appDir', 'snapshotDir', 'metadataBase', 'siteUrl'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'string') throw configError(file, key, 'a string')
  }
  for (const key of ['metadataBase', 'siteUrl'] as const) {
    // Next resolves image URLs against it: a host without a scheme (`example.com`) is no base at all.
    if (typeof config[key] === 'string' && !URL.canParse(config[key] as string)) {
      throw configError(file, key, `an absolute URL such as "https://www.example.com", got ${JSON.stringify(config[key])}`)
    }
  }
  if (config.strictCss !== undefined && typeof config.strictCss !== 'boolean') throw configError(file, 'strictCss', 'true or false')
  if (config.renderer !== undefined && config.renderer !== 'reference' && config.renderer !== 'next') {
    throw configError(file, 'renderer', '"reference" or "next"')
  }
  if (config.nextVersion !== undefined && ![14, 15, 16].includes(config.nextVersion as number)) {
    throw configError(file, 'nextVersion', '14, 15 or 16')
  }
  if (config.threshold !== undefined && !isNumberIn(config.threshold, 0, 1)) {
    throw configError(file, 'threshold', 'a number from 0 to 1')
  }
  if (config.failureThreshold !== undefined && !isNumberIn(config.failureThreshold, 0, Number.MAX_SAFE_INTEGER)) {
    throw configError(file, 'failureThreshold', 'a number ≥ 0')
  }
  if (
    config.failureThresholdType !== undefined &&
    config.failureThresholdType !== 'pixel' &&
    config.failureThresholdType !== 'percent'
  ) {
    throw configError(file, 'failureThresholdType', '"pixel" or "percent"')
  }
  if (config.network !== undefined) validateNetworkConfig(config.network, file)
  if (config.timeoutMs !== undefined && !TIMEOUT_MS.test(config.timeoutMs)) {
    throw configError(file, 'timeoutMs', TIMEOUT_MS.accepts)
  }
  if (config.params !== undefined) {
    if (typeof config.params !== 'object' || config.params === null || Array.isArray(config.params)) {
      throw configError(file, 'params', 'an object mapping a route file to an array of params objects')
    }
    for (const [route, list] of Object.entries(config.params)) {
      if (!Array.isArray(list) || !list.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p))) {
        throw configError(file, `params["${route}"]`, 'an array of params objects such as [{ slug: "a" }]')
      }
    }
  }
  return config as ImgmetaConfig
}

function validateNetworkConfig(network: unknown, file: string): void {
  if (typeof network !== 'object' || network === null || Array.isArray(network)) {
    throw configError(file, 'network', 'an object such as { deny: ["analytics.example.com"], live: ["staging-cms.example.com"] }')
  }
  for (const [key, value] of Object.entries(network)) {
    if (key !== 'deny' && key !== 'live') {
      throw new ImgmetaError('config-failed', `${file}: unknown option "network.${key}"; known options are network.deny, network.live.`)
    }
    if (!Array.isArray(value) || !value.every((host) => typeof host === 'string' && host !== '' && !host.includes('/'))) {
      throw configError(file, `network.${key}`, 'an array of host names such as ["cms.example.com", "*.example.com"]')
    }
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0]!.trim()
}

function isNumberIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
}

function configError(file: string, field: string, expected: string): ImgmetaError {
  return new ImgmetaError('config-failed', `${file}: ${field} must be ${expected}.`)
}
