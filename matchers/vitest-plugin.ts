// The `imgmeta/vitest` config plugin: what a Next.js app needs so vitest can load its unmodified image route
// files (JSX under Next's `"jsx": "preserve"`, tsconfig `paths`, `import 'server-only'`), the matchers' setup
// file, the choice of what `next/og` renders with, and optionally the obsolete-snapshot reporter. The imgmeta
// command runs vitest with this same plugin, so both see the app the same way.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin, Rolldown } from 'vite'
import { didYouMean } from '../src/closest-name.js'
import { ImgmetaError } from '../src/errors.js'
import type { ViteUserConfig } from 'vitest/config'
import type { Vitest } from 'vitest/node'
import { nextServerEnvironment } from '../next-runtime/environment.js'
import type { NetworkMode } from '../next-runtime/network/network-settings.js'
import { viteMajorOf } from '../next-runtime/vite-environment.js'
import { NetworkReporter, vitestNetworkSettings, type NetworkPluginOptions } from './network-reporter.js'
import { STRICT_CSS_ENV } from '../og/strict-css.js'
import { assertSupportedPeers } from '../src/peer-versions.js'
import { ImageSnapshotReporter, type ImageSnapshotReporterOptions } from './obsolete-reporter.js'

export { nextAppViteSettings } from '../next-runtime/vite-environment.js'

/** Options of the imgmeta vitest plugin. */
export interface ImgmetaVitestOptions {
  /** Which ImageResponse image routes get: 'next' (default) leaves next/og alone, 'reference' uses imgmeta/og. */
  renderer?: 'reference' | 'next'
  /**
   * The reference renderer refuses CSS properties satori ignores (`unsupported-css`) instead of ignoring them
   * with a warning as next/og does. Default false. Sets IMGMETA_STRICT_CSS for the test workers.
   */
  strictCss?: boolean
  /** Add `imgmeta/vitest-setup` to `test.setupFiles` (default true); false when the matchers are registered otherwise. */
  setupFile?: boolean
  /**
   * After a complete run, list the image snapshots no test used (`true`), or delete them
   * (`{ removeObsolete: true }`): adds {@link ImageSnapshotReporter} beside the configured reporters. Default false.
   */
  obsoleteSnapshots?: boolean | ImageSnapshotReporterOptions
  /**
   * Record and replay the HTTP(S) requests tests make (fetch, node:http/https), and serve the site's own origin
   * from `public/`: `'replay'` answers from `__image_snapshots__/network/vitest.har` with no socket opened and
   * records under `-u`; `'record'` always records; `'live'` only serves `public/`. Off when not given.
   */
  network?: NetworkMode | NetworkPluginOptions
  /**
   * Run tests in the process environment of `next start`: the project's `.env`, `.env.production`, `.env.local`
   * and `.env.production.local` (loaded by `@next/env`), NODE_ENV=production, NEXT_RUNTIME=nodejs; `test.env`
   * of the config still wins. Default false (the imgmeta command turns it on).
   */
  nextEnv?: boolean
  /**
   * Load modules as Next's server build does (its react-server layer): the `react-server` export condition
   * (`next-intl/server` works), `'use client'` modules as client references, Next's server-layer
   * next/navigation and next/link. Default false, so that component tests keep React's client build; turn it on
   * in the vitest project that runs testImageRoutes (the imgmeta command always does).
   */
  nextServer?: boolean
}

const PLUGIN_OPTION_NAMES = ['renderer', 'setupFile', 'obsoleteSnapshots', 'network', 'nextEnv', 'nextServer', 'strictCss']

/** Unknown names (with the closest known one) and wrong types are errors: a misspelled option must not be ignored. */
function checkPluginOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ImgmetaError('invalid-option', `imgmeta vitest plugin: options must be an object, got ${JSON.stringify(options)}.`)
  }
  const o = options as Record<string, unknown>
  for (const name of Object.keys(o)) {
    if (!PLUGIN_OPTION_NAMES.includes(name)) {
      throw new ImgmetaError(
        'invalid-option',
        `imgmeta vitest plugin: unknown option "${name}"${didYouMean(name, PLUGIN_OPTION_NAMES)}. Valid options: ${PLUGIN_OPTION_NAMES.join(', ')}.`,
      )
    }
  }
  for (const name of ['setupFile', 'nextEnv', 'nextServer', 'strictCss']) {
    if (o[name] !== undefined && typeof o[name] !== 'boolean') {
      throw new ImgmetaError('invalid-option', `imgmeta vitest plugin: ${name} must be true or false, got ${JSON.stringify(o[name])}.`)
    }
  }
  const obsolete = o.obsoleteSnapshots
  if (obsolete !== undefined && typeof obsolete !== 'boolean' && (typeof obsolete !== 'object' || obsolete === null || Array.isArray(obsolete))) {
    throw new ImgmetaError('invalid-option', `imgmeta vitest plugin: obsoleteSnapshots must be true, false or { removeObsolete: true }, got ${JSON.stringify(obsolete)}.`)
  }
}

/** The setup file the plugin adds to `test.setupFiles`. */
export const SETUP_FILE = 'imgmeta/vitest-setup'

/** The plugin's name; with several imgmeta plugins in one config, the last one listed decides. */
export const PLUGIN_NAME = 'imgmeta'

/** Vitest instances that already got the obsolete-snapshot reporter (the hook runs once per test project). */
const reportedVitests = new WeakSet<Vitest>()
/** Vitest instances whose network layer is set up (the hook runs once per test project). */
const networkVitests = new WeakSet<Vitest>()

/** The setup file that installs the network layer in each worker, built or (in this repository's tests) from source. */
function networkSetupFile(): string {
  const built = fileURLToPath(new URL('./network-setup.js', import.meta.url))
  return existsSync(built) ? built : built.replace(/\.js$/, '.ts')
}

/** The plugins of a config as the config hook sees them (nested arrays flattened; promises cannot be looked into). */
function listedPlugins(plugins: unknown): unknown[] {
  return Array.isArray(plugins) ? plugins.flatMap(listedPlugins) : [plugins]
}

/** The vitest plugin: `plugins: [imgmeta({ renderer: 'reference' })]` in vitest.config.ts. */
export function imgmeta(options: ImgmetaVitestOptions = {}): Plugin {
  checkPluginOptions(options)
  const renderer = options.renderer ?? 'next'
  if (renderer !== 'reference' && renderer !== 'next') {
    throw new TypeError(`imgmeta vitest plugin: renderer must be 'reference' or 'next', got ${JSON.stringify(renderer)}`)
  }
  const reporterOptions =
    options.obsoleteSnapshots === true ? {} : options.obsoleteSnapshots ? options.obsoleteSnapshots : undefined
  const network = typeof options.network === 'string' ? { mode: options.network } : options.network
  if (network?.mode !== undefined && !['replay', 'record', 'live'].includes(network.mode)) {
    throw new TypeError(`imgmeta vitest plugin: network must be 'replay', 'record' or 'live', got ${JSON.stringify(network.mode)}`)
  }
  // Identifies this instance among the config's plugins.
  const api = { imgmeta: { renderer } }
  const environment = nextServerEnvironment({ renderer, processEnv: options.nextEnv === true, serverLayer: options.nextServer === true })
  // A project may list the plugin and also be checked by the imgmeta command, which adds its own: the last one
  // listed (the command's, as inline config comes after the config file) decides, the others do nothing.
  let active = true
  return {
    name: PLUGIN_NAME,
    enforce: 'pre',
    api,
    async config(config: ViteUserConfig) {
      const instances = listedPlugins(config.plugins).filter(
        (plugin) => (plugin as Plugin | null)?.name === PLUGIN_NAME && (plugin as Plugin).api?.imgmeta,
      )
      active = instances.length === 0 || (instances.at(-1) as Plugin).api === api
      if (!active) return null
      // An unsupported vitest or vite fails here with one message that names it, not later with a missing export.
      assertSupportedPeers(config.root ? path.resolve(config.root) : process.cwd())
      if (options.strictCss !== undefined) {
        const test = (config.test ??= {})
        test.env = { ...test.env, [STRICT_CSS_ENV]: options.strictCss ? '1' : '0' }
      }
      if (options.setupFile !== false) {
        const test = (config.test ??= {})
        const files = test.setupFiles === undefined ? [] : [test.setupFiles].flat()
        if (!files.includes(SETUP_FILE)) test.setupFiles = [...files, SETUP_FILE]
      }
      if (network) {
        // First, so that the layer is in place before any other setup file or test file fetches.
        const test = (config.test ??= {})
        const files = test.setupFiles === undefined ? [] : [test.setupFiles].flat()
        if (!files.includes(networkSetupFile())) test.setupFiles = [networkSetupFile(), ...files]
      }
      return (await environment.config(config, viteMajorOf(this))) as ViteUserConfig
    },
    configResolved(config) {
      environment.configResolved(config)
    },
    configureVitest({ vitest }: { vitest: Vitest }) {
      if (network && active && !networkVitests.has(vitest)) {
        networkVitests.add(vitest)
        const updating = vitest.config.snapshotOptions.updateSnapshot === 'all'
        const settings = vitestNetworkSettings(vitest.config.root, network, updating)
        vitest.provide('imgmetaNetwork', settings)
        const removeObsolete = typeof options.obsoleteSnapshots === 'object' && options.obsoleteSnapshots.removeObsolete === true
        vitest.config.reporters.push(new NetworkReporter(settings, { removeObsolete }) as never)
      }
      if (!reporterOptions || !active || reportedVitests.has(vitest)) return
      reportedVitests.add(vitest)
      // Appended to the resolved list (reporters are created right after this hook), so it runs beside the
      // user's reporters, including ones given with --reporter on the command line.
      vitest.config.reporters.push(new ImageSnapshotReporter(reporterOptions))
    },
    resolveId(source, importer) {
      if (!active) return null
      return environment.resolveId(this, source, importer)
    },
    // After vite compiled TypeScript and JSX: a 'use client' module is read as plain JavaScript.
    transform: {
      order: 'post',
      async handler(code, id) {
        if (!active) return null
        return (await environment.transform(code, id)) as { code: string; map?: Rolldown.SourceMapInput } | null
      },
    },
    load(id) {
      return environment.load(id)
    },
  }
}

export default imgmeta

// Types only: a project whose vitest.config.ts imports this plugin gets the matchers' `expect` types in every test
// file, as the setup file the plugin adds gives them at run time.
export type {} from './setup.js'
