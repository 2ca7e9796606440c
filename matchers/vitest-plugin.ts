// The `imgmeta/vitest` config plugin: what a Next.js app needs so vitest can load its unmodified image route
// files (JSX under Next's `"jsx": "preserve"`, tsconfig `paths`, `import 'server-only'`), the matchers' setup
// file, the choice of what `next/og` renders with, and optionally the obsolete-snapshot reporter. The imgmeta
// command runs vitest with this same plugin, so both see the app the same way.
import { didYouMean } from '../src/closest-name.js'
import { ImgmetaError } from '../src/errors.js'
import type { Plugin } from 'vite'
import type { ViteUserConfig } from 'vitest/config'
import type { Vitest } from 'vitest/node'
import {
  isAppJsxFile,
  loadNextModule,
  nextAppViteSettings,
  nextModuleAliases,
  resolveNextModule,
  transformAppJsx,
  viteMajorOf,
} from '../next-runtime/vite-environment.js'
import { ImageSnapshotReporter, type ImageSnapshotReporterOptions } from './obsolete-reporter.js'

export { nextAppViteSettings } from '../next-runtime/vite-environment.js'

/** Options of the imgmeta vitest plugin. */
export interface ImgmetaVitestOptions {
  /** Which ImageResponse image routes get: 'next' (default) leaves next/og alone, 'reference' uses imgmeta/og. */
  renderer?: 'reference' | 'next'
  /** Add `imgmeta/vitest-setup` to `test.setupFiles` (default true); false when the matchers are registered otherwise. */
  setupFile?: boolean
  /**
   * After a complete run, list the image snapshots no test used (`true`), or delete them
   * (`{ removeObsolete: true }`): adds {@link ImageSnapshotReporter} beside the configured reporters. Default false.
   */
  obsoleteSnapshots?: boolean | ImageSnapshotReporterOptions
}

const PLUGIN_OPTION_NAMES = ['renderer', 'setupFile', 'obsoleteSnapshots']

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
  if (o.setupFile !== undefined && typeof o.setupFile !== 'boolean') {
    throw new ImgmetaError('invalid-option', `imgmeta vitest plugin: setupFile must be true or false, got ${JSON.stringify(o.setupFile)}.`)
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
  // Identifies this instance among the config's plugins.
  const api = { imgmeta: { renderer } }
  let root = process.cwd()
  // A project may list the plugin and also be checked by the imgmeta command, which adds its own: the last one
  // listed (the command's, as inline config comes after the config file) decides, the others do nothing.
  let active = true
  let jsxFiles = false
  let jsxOptions: unknown
  return {
    name: PLUGIN_NAME,
    enforce: 'pre',
    api,
    config(config: ViteUserConfig) {
      const instances = listedPlugins(config.plugins).filter(
        (plugin) => (plugin as Plugin | null)?.name === PLUGIN_NAME && (plugin as Plugin).api?.imgmeta,
      )
      active = instances.length === 0 || (instances.at(-1) as Plugin).api === api
      if (!active) return null
      if (options.setupFile !== false) {
        const test = (config.test ??= {})
        const files = test.setupFiles === undefined ? [] : [test.setupFiles].flat()
        if (!files.includes(SETUP_FILE)) test.setupFiles = [...files, SETUP_FILE]
      }
      const settings = nextAppViteSettings(config, viteMajorOf(this))
      return { ...settings, resolve: { ...settings.resolve, alias: nextModuleAliases(renderer) } }
    },
    configResolved(config) {
      root = config.root
      jsxFiles = typeof config.oxc === 'object' && config.oxc !== null
      jsxOptions = jsxFiles ? (config.oxc as { jsx?: unknown }).jsx : undefined
    },
    configureVitest({ vitest }: { vitest: Vitest }) {
      if (!reporterOptions || !active || reportedVitests.has(vitest)) return
      reportedVitests.add(vitest)
      // Appended to the resolved list (reporters are created right after this hook), so it runs beside the
      // user's reporters, including ones given with --reporter on the command line.
      vitest.config.reporters.push(new ImageSnapshotReporter(reporterOptions))
    },
    resolveId(source) {
      return resolveNextModule(source)
    },
    async transform(code, id) {
      if (!active || !jsxFiles || !isAppJsxFile(id, code)) return null
      return (await transformAppJsx(code, id, jsxOptions)) ?? null
    },
    load(id) {
      return loadNextModule(id, root)
    },
  }
}

export default imgmeta

// Types only: a project whose vitest.config.ts imports this plugin gets the matchers' `expect` types in every test
// file, as the setup file the plugin adds gives them at run time.
export type {} from './setup.js'
