// Copies a fixture app into a fresh temporary folder so that `.next/` and the files Next rewrites
// (tsconfig.json, next-env.d.ts) never touch the repository, and links the chosen node_modules into it.
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** A temporary copy of a fixture app; `dispose` removes only the folder this run created. */
export interface Workspace {
  dir: string
  dispose: () => Promise<void>
}

/** Copies `fixtureDir` (plus `overlays`, copied on top in order) into a new folder under the OS temp dir. */
export async function createWorkspace(fixtureDir: string, nodeModules: string, overlays: string[] = []): Promise<Workspace> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'imgmeta-next-'))
  await cp(fixtureDir, dir, { recursive: true, filter: (source) => !/[\\/](node_modules|\.next)$/.test(source) })
  for (const overlay of overlays) await cp(overlay, dir, { recursive: true })
  await symlink(nodeModules, path.join(dir, 'node_modules'), 'dir')
  return {
    dir,
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}
