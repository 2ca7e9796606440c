// Which React server code runs on. Next's server build resolves it with the `react-server` export condition.
// React 19 has a server build under that condition. React 18's stable package answers it with "This entry point
// is not yet supported outside of experimental channels", so Next 14 runs its app router on a React of its own, a
// canary vendored as `next/dist/compiled/react` with a `react.react-server.js`, which its webpack config aliases
// `react` to (`createRSCAliases` in next/dist/build/create-compiler-aliases.js). imgmeta does the same.
import { createRequire } from 'node:module'
import { installedVersion } from '../src/peer-versions.js'

/** A module code imports by a bare name, replaced by a file of the installed Next (a path inside its package). */
export interface NextModuleSwap {
  find: RegExp
  file: string
}

/** The React server code of a project runs on. */
export interface ServerReact {
  /** Whether server code resolves with the `react-server` condition. */
  reactServerCondition: boolean
  /** React's modules swapped for the installed Next's own React (Next 14 with React 18); empty otherwise. */
  swaps: NextModuleSwap[]
}

/** Next 14's vendored React for its server layer, by the name code imports (create-compiler-aliases.js). */
const VENDORED_SERVER_REACT: readonly NextModuleSwap[] = [
  { find: /^react$/, file: 'next/dist/compiled/react/react.react-server.js' },
  { find: /^react\/jsx-runtime(\.js)?$/, file: 'next/dist/compiled/react/jsx-runtime.react-server.js' },
  { find: /^react\/jsx-dev-runtime(\.js)?$/, file: 'next/dist/compiled/react/jsx-dev-runtime.js' },
  { find: /^react-dom$/, file: 'next/dist/compiled/react-dom/react-dom.react-server.js' },
]

/** True when the project at `root` resolves `file` (a path inside an installed package). */
export function resolvesFrom(root: string, file: string): boolean {
  try {
    createRequire(`${root}/`).resolve(file)
    return true
  } catch {
    return false
  }
}

/** The React the project's server code runs on (see the file comment). */
export function serverReact(root: string): ServerReact {
  const version = installedVersion('react', root)
  if (version === undefined || Number.parseInt(version, 10) >= 19) return { reactServerCondition: true, swaps: [] }
  if (!resolvesFrom(root, VENDORED_SERVER_REACT[0]!.file)) return { reactServerCondition: false, swaps: [] }
  return { reactServerCondition: true, swaps: VENDORED_SERVER_REACT.filter(({ file }) => resolvesFrom(root, file)) }
}
