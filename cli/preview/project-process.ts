// The preview renders in its own process, so it enters the project's Next server environment itself (what
// `imgmeta check` hands its vitest workers through the plugin) and runs the project's setup files.
import path from 'node:path'
import type { ViteDevServer } from 'vite'
import { nextServerEnv } from '../../next-runtime/next-env.js'
import type { GalleryRouteError } from './gallery.js'
import { settleSetupMocks } from './setup-mocks.js'

/**
 * Sets the process up as `next start` runs: the project's `.env*` variables (those not already set),
 * NODE_ENV=production, NEXT_RUNTIME=nodejs, the project root as working directory. Returns what restores it.
 */
export function enterNextServerProcess(root: string): () => void {
  const saved = { ...process.env }
  const cwd = process.cwd()
  Object.assign(process.env, nextServerEnv(root))
  process.chdir(root)
  return () => {
    process.chdir(cwd)
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}

/**
 * Loads the config's `test.setupFiles` in order, their `vi.mock` stand-ins included (setup-mocks.ts); a file
 * that cannot run outside vitest (it calls another part of `vi`, say) becomes an error the gallery shows, naming
 * the file.
 */
export async function runSetupFiles(vite: ViteDevServer, root: string): Promise<GalleryRouteError[]> {
  const configured = (vite.config as { test?: { setupFiles?: string | string[] } }).test?.setupFiles
  const files = configured === undefined ? [] : [configured].flat()
  const errors: GalleryRouteError[] = []
  for (const file of files) {
    // imgmeta's own setup file registers matchers, which the preview does not use.
    if (file.startsWith('imgmeta/')) continue
    try {
      await vite.ssrLoadModule(path.resolve(root, file))
      await settleSetupMocks(vite)
    } catch (error) {
      errors.push({ file, message: `setup file ${file} could not run in the preview: ${(error as Error).message.split('\n')[0]}` })
    }
  }
  return errors
}
