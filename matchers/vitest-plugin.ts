// The `imgmeta/vitest` config plugin: what a Next.js app needs so vitest can load its unmodified image route
// files (JSX under Next's `"jsx": "preserve"`, tsconfig `paths`, `import 'server-only'`), the matchers' setup
// file, the choice of what `next/og` renders with, and optionally the obsolete-snapshot reporter. The imgmeta
// command runs vitest with this same plugin, so both see the app the same way.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Alias, Plugin, Rolldown, UserConfig } from 'vite'
import type { ViteUserConfig } from 'vitest/config'
import type { Vitest } from 'vitest/node'
import { ImageSnapshotReporter, type ImageSnapshotReporterOptions } from './obsolete-reporter.js'

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

/** The setup file the plugin adds to `test.setupFiles`. */
export const SETUP_FILE = 'imgmeta/vitest-setup'

/** The plugin's name; with several imgmeta plugins in one config, the last one listed decides. */
export const PLUGIN_NAME = 'imgmeta'

const NEXT_SERVER_SHIM = '\0imgmeta:next-server'
const SERVER_ONLY_STUB = '\0imgmeta:server-only'

/** Module specifiers the reference renderer replaces: next/og as ESM code may spell it, and next/server (13.x). */
const NEXT_OG = /^next\/og(\.js)?$/
const NEXT_SERVER = /^next\/server(\.js)?$/
/** `server-only` throws when imported outside React Server Components; image routes run on the server. */
const SERVER_ONLY = /^server-only$/

/** Plain `.js` files of the app, which Next lets hold JSX and vite does not transform. */
const APP_JS_FILE = /\.m?js$/
/** A closing or self-closing tag: cheap evidence that a `.js` file holds JSX, before paying for a transform. */
const LOOKS_LIKE_JSX = /<\/|\/>/
/** React's automatic JSX runtime, what Next compiles JSX with. */
const AUTOMATIC_JSX = { runtime: 'automatic', importSource: 'react' } as const

/** The first vite whose transformer is oxc (`oxc.jsx`) and which reads tsconfig `paths` (`resolve.tsconfigPaths`). */
const FIRST_OXC_VITE_MAJOR = 8

function ogEntry(): string {
  // Built: dist/matchers → dist/og/index.js; from source (this repository's own tests): og/index.ts.
  const built = fileURLToPath(new URL('../og/index.js', import.meta.url))
  return existsSync(built) ? built : built.replace(/\.js$/, '.ts')
}

/**
 * Settings a Next.js app needs under vite, each left alone when the user's config already sets it: JSX compiled
 * with React's automatic runtime (Next ≤ 15 tsconfigs say `"jsx": "preserve"` and leave compiling to Next, which
 * vite would honour and then fail to parse the JSX), and tsconfig `paths` such as `@/*`.
 */
export function nextAppViteSettings(config: UserConfig, viteMajor: number): UserConfig {
  const settings: UserConfig = {}
  if (viteMajor >= FIRST_OXC_VITE_MAJOR) {
    if (config.oxc !== false && config.oxc?.jsx === undefined) {
      settings.oxc = { jsx: AUTOMATIC_JSX }
    }
    if (config.resolve?.tsconfigPaths === undefined) settings.resolve = { tsconfigPaths: true }
  } else if (config.esbuild !== false && config.esbuild?.jsx === undefined) {
    // Older vite transforms with esbuild and has no tsconfig paths of its own (vite-tsconfig-paths does that).
    settings.esbuild = { jsx: 'automatic', jsxImportSource: 'react' }
  }
  return settings
}

function viteMajorOf(context: unknown): number {
  const version = (context as { meta?: { viteVersion?: unknown } } | undefined)?.meta?.viteVersion
  // vite 6 does not say its version to config hooks; it is older than 8 either way.
  return typeof version === 'string' ? Number.parseInt(version, 10) : 0
}

type TransformWithOxc = typeof import('vite').transformWithOxc

/**
 * Compiles the JSX of an app's `.js` file (`app/icon.js`), which vite leaves to the parser that then fails.
 * Returns undefined when it cannot: vite older than 8, vite not importable from here, or no valid JSX.
 */
async function transformAppJsx(code: string, id: string, jsx: unknown): Promise<{ code: string; map: Rolldown.SourceMapInput } | undefined> {
  let transform: TransformWithOxc
  try {
    transform = (await import('vite')).transformWithOxc
  } catch {
    return undefined
  }
  try {
    const result = await transform(code, id, { lang: 'jsx', jsx: (jsx ?? AUTOMATIC_JSX) as never })
    return { code: result.code, map: result.map as Rolldown.SourceMapInput }
  } catch {
    // Not JSX after all, or a real syntax error: vite's own message on the untouched file says it better.
    return undefined
  }
}

/** Vitest instances that already got the obsolete-snapshot reporter (the hook runs once per test project). */
const reportedVitests = new WeakSet<Vitest>()

/** The plugins of a config as the config hook sees them (nested arrays flattened; promises cannot be looked into). */
function listedPlugins(plugins: unknown): unknown[] {
  return Array.isArray(plugins) ? plugins.flatMap(listedPlugins) : [plugins]
}

/**
 * Aliases, not resolveId results: vite's SSR (the imgmeta preview) externalizes a bare import such as `next/og`
 * before any plugin can resolve it, unless an alias matches it.
 */
function moduleAliases(renderer: 'reference' | 'next'): Alias[] {
  const aliases: Alias[] = [{ find: SERVER_ONLY, replacement: SERVER_ONLY_STUB }]
  if (renderer === 'reference') {
    aliases.push({ find: NEXT_OG, replacement: ogEntry() }, { find: NEXT_SERVER, replacement: NEXT_SERVER_SHIM })
  }
  return aliases
}

/** The vitest plugin: `plugins: [imgmeta({ renderer: 'reference' })]` in vitest.config.ts. */
export function imgmeta(options: ImgmetaVitestOptions = {}): Plugin {
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
      return { ...settings, resolve: { ...settings.resolve, alias: moduleAliases(renderer) } }
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
      return source === SERVER_ONLY_STUB || source === NEXT_SERVER_SHIM ? source : null
    },
    async transform(code, id) {
      if (!active || !jsxFiles || id.startsWith('\0') || id.includes('/node_modules/')) return null
      const file = id.split('?')[0] ?? id
      if (!APP_JS_FILE.test(file) || !LOOKS_LIKE_JSX.test(code)) return null
      return (await transformAppJsx(code, file, jsxOptions)) ?? null
    },
    load(id) {
      if (id === SERVER_ONLY_STUB) return 'export {}\n'
      if (id !== NEXT_SERVER_SHIM) return null
      // Everything from the real next/server except ImageResponse, which a local export overrides. By its path:
      // the bare name would meet this plugin's alias again.
      const real = createRequire(`${root}/`).resolve('next/server')
      return `export * from ${JSON.stringify(real)}\nexport { ImageResponse } from ${JSON.stringify(ogEntry())}\n`
    },
  }
}

export default imgmeta

// Types only: a project whose vitest.config.ts imports this plugin gets the matchers' `expect` types in every test
// file, as the setup file the plugin adds gives them at run time.
export type {} from './setup.js'
