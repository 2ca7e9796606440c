// Where a file's Next app folder is: `app/` or `src/app/` directly under the project root, the nearest folder
// above the file that holds a package.json. Not the first folder named `app` in the path: a project may itself
// live in a folder called `app` (Docker's `WORKDIR /app`, `~/code/app/site`).
import { existsSync } from 'node:fs'
import path from 'node:path'

/** The two folders Next accepts as the app folder, relative to the project root. */
export const APP_FOLDERS = ['app', 'src/app'] as const

/** Project roots already looked up, by folder. */
const rootByDir = new Map<string, string | undefined>()

/** The nearest folder at or above `dir` that holds a package.json; undefined when there is none. */
export function projectRootOf(dir: string): string | undefined {
  const start = path.resolve(dir)
  if (rootByDir.has(start)) return rootByDir.get(start)
  const parent = path.dirname(start)
  const root = existsSync(path.join(start, 'package.json')) ? start : parent === start ? undefined : projectRootOf(parent)
  rootByDir.set(start, root)
  return root
}

/**
 * The app folder an absolute file lies in: `<root>/app` or `<root>/src/app` of its project root, `/`-separated.
 * Undefined when the file has no project root or is in neither folder.
 */
export function appFolderOf(file: string): string | undefined {
  const absolute = path.resolve(file)
  const root = projectRootOf(path.dirname(absolute))
  if (root === undefined) return undefined
  for (const folder of APP_FOLDERS) {
    const appDir = path.join(root, folder)
    if (absolute.startsWith(appDir + path.sep)) return appDir.split(path.sep).join('/')
  }
  return undefined
}
