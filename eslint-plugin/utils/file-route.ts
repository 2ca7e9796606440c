import path from 'node:path'
import { parseImageRoute, type ImageRoute } from '../../src/route.js'

/** Where a linted file sits relative to the Next app root. */
export interface FileLocation {
  /** The file path with `/` separators. */
  file: string
  /** The app root the file is under (`<cwd>/app`, `<cwd>/src/app`, or the first `app` folder), or null. */
  appDir: string | null
  /** The path inside the app root, `/`-separated, or null when the file is not under one. */
  appRelative: string | null
  /** The image route the file is, or null when it is not a metadata image route. */
  route: ImageRoute | null
}

/** The two folders Next accepts as app root, relative to the project folder. */
const APP_ROOTS = ['app', 'src/app'] as const

/**
 * Reads the linted file's place in the app. ESLint passes absolute file names: the app root is looked for
 * under the working folder first (`<cwd>/app`, `<cwd>/src/app`) so that a project folder named `app`
 * (Docker's `/app`) is not taken for it; other files fall back to the first `app` folder of the path relative
 * to the working folder (monorepo packages), then of the path as given.
 */
export function locateFile(filename: string, cwd: string): FileLocation {
  const file = toPosix(filename)
  const root = toPosix(cwd).replace(/\/+$/, '')
  if (path.isAbsolute(filename)) {
    for (const appRoot of APP_ROOTS) {
      const appDir = `${root}/${appRoot}`
      if (file.startsWith(appDir + '/')) {
        return { file, appDir, appRelative: file.slice(appDir.length + 1), route: parseImageRoute(file, { appDir }) }
      }
    }
  }
  const inside = path.isAbsolute(filename) && file.startsWith(root + '/') ? file.slice(root.length + 1) : file
  const parts = inside.split('/')
  const index = parts.indexOf('app')
  if (index === -1) return { file, appDir: null, appRelative: null, route: null }
  const prefix = inside === file ? '' : root + '/'
  const appDir = prefix + parts.slice(0, index + 1).join('/')
  const appRelative = parts.slice(index + 1).join('/')
  return { file, appDir, appRelative, route: parseImageRoute(file, { appDir }) }
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/')
}
