// Next's server module environment under vite, defined once: what an unmodified Next.js app needs so that vite
// (and so vitest, the imgmeta command and its preview) loads its image route files as Next's server build does.
// JSX under Next's `"jsx": "preserve"`, tsconfig `paths`, `import 'server-only'`, and what `next/og` renders
// with. The `imgmeta/vitest` plugin applies it; the next Next module to support is added here.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Alias, Rolldown, UserConfig } from 'vite'

/** What `next/og` imports resolve to: imgmeta's reference renderer, or the installed `next/og` left alone. */
export type NextOgRenderer = 'reference' | 'next'

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

/** The entry of the reference renderer, built or (in this repository's own tests) from source. */
export function referenceRendererEntry(): string {
  // Built: dist/next-runtime → dist/og/index.js; from source: og/index.ts.
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

/** True when vite reads tsconfig `paths` itself (vite 8's `resolve.tsconfigPaths`, which the settings turn on). */
export function viteReadsTsconfigPaths(viteMajor: number): boolean {
  return viteMajor >= FIRST_OXC_VITE_MAJOR
}

/** The vite major a config hook runs under, from its plugin context. */
export function viteMajorOf(context: unknown): number {
  const version = (context as { meta?: { viteVersion?: unknown } } | undefined)?.meta?.viteVersion
  // vite 6 does not say its version to config hooks; it is older than 8 either way.
  return typeof version === 'string' ? Number.parseInt(version, 10) : 0
}

type TransformWithOxc = typeof import('vite').transformWithOxc

/** True when `id` is an app's plain `.js` file that looks like it holds JSX, which vite would fail to parse. */
export function isAppJsxFile(id: string, code: string): boolean {
  if (id.startsWith('\0') || id.includes('/node_modules/')) return false
  const file = id.split('?')[0] ?? id
  return APP_JS_FILE.test(file) && LOOKS_LIKE_JSX.test(code)
}

/**
 * Compiles the JSX of an app's `.js` file (`app/icon.js`), which vite leaves to the parser that then fails.
 * Returns undefined when it cannot: vite older than 8, vite not importable from here, or no valid JSX.
 */
export async function transformAppJsx(
  code: string,
  id: string,
  jsx: unknown,
): Promise<{ code: string; map: Rolldown.SourceMapInput } | undefined> {
  const file = id.split('?')[0] ?? id
  let transform: TransformWithOxc
  try {
    transform = (await import('vite')).transformWithOxc
  } catch {
    return undefined
  }
  try {
    const result = await transform(code, file, { lang: 'jsx', jsx: (jsx ?? AUTOMATIC_JSX) as never })
    return { code: result.code, map: result.map as Rolldown.SourceMapInput }
  } catch {
    // Not JSX after all, or a real syntax error: vite's own message on the untouched file says it better.
    return undefined
  }
}

/**
 * Aliases, not resolveId results: vite's SSR (the imgmeta preview) externalizes a bare import such as `next/og`
 * before any plugin can resolve it, unless an alias matches it.
 */
export function nextModuleAliases(renderer: NextOgRenderer): Alias[] {
  const aliases: Alias[] = [{ find: SERVER_ONLY, replacement: SERVER_ONLY_STUB }]
  if (renderer === 'reference') {
    aliases.push(
      { find: NEXT_OG, replacement: referenceRendererEntry() },
      { find: NEXT_SERVER, replacement: NEXT_SERVER_SHIM },
    )
  }
  return aliases
}

/** resolveId for the virtual modules the aliases point at. */
export function resolveNextModule(source: string): string | null {
  return source === SERVER_ONLY_STUB || source === NEXT_SERVER_SHIM ? source : null
}

/** load for the virtual modules: an empty `server-only`, and next/server with the reference `ImageResponse`. */
export function loadNextModule(id: string, root: string): string | null {
  if (id === SERVER_ONLY_STUB) return 'export {}\n'
  if (id !== NEXT_SERVER_SHIM) return null
  // Everything from the real next/server except ImageResponse, which a local export overrides. By its path:
  // the bare name would meet this plugin's alias again.
  const real = createRequire(`${root}/`).resolve('next/server')
  return `export * from ${JSON.stringify(real)}\nexport { ImageResponse } from ${JSON.stringify(referenceRendererEntry())}\n`
}
