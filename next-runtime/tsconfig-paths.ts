// The project's tsconfig `paths` (`@/*` → `./src/*`), which Next resolves in every build. vite 8 reads them
// itself (`resolve.tsconfigPaths`); on older vite imgmeta maps them with get-tsconfig, the reader tsx uses, so
// that an app's `@/` imports load on vite 5 to 7 without vite-tsconfig-paths.
import { createPathsMatcher, getTsconfig } from 'get-tsconfig'

/** Maps a specifier to the files tsconfig `paths` point it at, in order (none when no pattern matches). */
export type TsconfigPathsMatcher = (specifier: string) => string[]

/** The `paths` of the project's tsconfig.json (its `extends` followed), or undefined when it has none. */
export function tsconfigPathsMatcher(root: string): TsconfigPathsMatcher | undefined {
  let tsconfig: ReturnType<typeof getTsconfig>
  try {
    tsconfig = getTsconfig(root)
  } catch {
    // An unreadable tsconfig.json: vite's own resolution (and its error on the import) says more than this would.
    return undefined
  }
  return (tsconfig && createPathsMatcher(tsconfig)) ?? undefined
}

/** True when `specifier` is one tsconfig `paths` may map: neither relative, absolute, a URL nor a virtual id. */
export function mayBePathAlias(specifier: string): boolean {
  return !/^(\.{1,2}\/|\/|\0|[a-z]+:)/i.test(specifier) && specifier !== '.' && specifier !== '..'
}
