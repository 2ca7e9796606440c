import path from 'node:path'
import { usageErrorOf } from './usage-error.js'

/** Folders of a Next.js project whose files are the app itself: a snapshot folder may not be or hold them. */
const PROTECTED_FOLDERS: readonly string[] = ['public', 'node_modules', '.git', '.next']

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * Refuses a snapshot folder where the command would write or prune files that are not its snapshots: the
 * project root itself, a folder outside the project, the app folder (a PNG there becomes a route), `public/`,
 * or any folder that holds one of those. The message names the folder and says where to point it instead.
 */
export function checkSnapshotDir(snapshotDir: string, root: string, appDir: string): void {
  const dir = path.resolve(snapshotDir)
  const where = `--snapshot-dir ${path.relative(root, dir) || '.'} (${dir})`
  const advice = 'use a folder of its own inside the project, such as __image_snapshots__/routes (the default).'
  if (!isInside(root, dir)) throw usageErrorOf(`${where} is outside the project ${root}; ${advice}`)
  if (dir === path.resolve(root)) throw usageErrorOf(`${where} is the project root, which holds the app's own files; ${advice}`)
  const forbidden = [path.resolve(appDir), ...PROTECTED_FOLDERS.map((name) => path.join(root, name))]
  for (const folder of forbidden) {
    if (isInside(folder, dir) || isInside(dir, folder)) {
      const name = path.relative(root, folder).split(path.sep).join('/')
      throw usageErrorOf(`${where} ${isInside(folder, dir) ? 'is inside' : 'holds'} ${name}/, whose files belong to the app; ${advice}`)
    }
  }
}
