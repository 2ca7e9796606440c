// The process environment of `next build` / `next start`: `.env*` files loaded by `@next/env` (the package Next
// itself loads them with) in production mode, `NODE_ENV=production`, `NEXT_RUNTIME=nodejs`.
import { createRequire } from 'node:module'

type LoadEnvConfig = (dir: string, dev?: boolean, log?: { info(...a: unknown[]): void; error(...a: unknown[]): void }, forceReload?: boolean) => {
  combinedEnv: Record<string, string | undefined>
  loadedEnvFiles: { path: string }[]
}

/** What Next sets beside the `.env` files for a production server. */
export const NEXT_SERVER_ENV = { NODE_ENV: 'production', NEXT_RUNTIME: 'nodejs' } as const

/** `@next/env` as the project's Next has it, else the one beside imgmeta; undefined when neither is installed. */
function nextEnvPackage(root: string): { loadEnvConfig: LoadEnvConfig } | undefined {
  for (const from of [`${root}/`, import.meta.url]) {
    try {
      const require = createRequire(from)
      // @next/env is Next's dependency, so it is found from where `next` is.
      const nextDir = require.resolve('next/package.json')
      return createRequire(nextDir)('@next/env') as { loadEnvConfig: LoadEnvConfig }
    } catch {
      // try the next place
    }
  }
  return undefined
}

/**
 * The variables a production Next server of `root` runs with: the project's `.env`, `.env.production`,
 * `.env.local` and `.env.production.local` (in Next's order of precedence; variables already set in the
 * environment win, as in Next), plus NODE_ENV and NEXT_RUNTIME. Does not change `process.env`.
 */
export function nextServerEnv(root: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const loaded: Record<string, string> = {}
  const nextEnv = nextEnvPackage(root)
  if (nextEnv) {
    // loadEnvConfig writes into process.env and picks the mode from NODE_ENV: give it production, then restore.
    const saved = { ...process.env }
    const given = { ...env }
    try {
      ;(process.env as Record<string, string>).NODE_ENV = 'production'
      const quiet = { info() {}, error() {} }
      const { combinedEnv } = nextEnv.loadEnvConfig(root, false, quiet, true)
      for (const [key, value] of Object.entries(combinedEnv)) {
        if (value !== undefined && given[key] === undefined && !key.startsWith('__NEXT')) loaded[key] = value
      }
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
      Object.assign(process.env, saved)
    }
  }
  return { ...loaded, ...NEXT_SERVER_ENV }
}
