import path from 'node:path'
import { vi } from 'vitest'

/** The part of vitest's worker state this file reads: the module graph of the test file being run. */
interface WorkerModules {
  /** vitest 4: vite's module runner. */
  evaluatedModules?: { idToModuleMap?: Map<string, { exports?: unknown; file?: string | null }> }
  /** vitest 3: vite-node's cache, keyed by the module's file path. */
  moduleCache?: Map<string, { exports?: unknown }>
}

/**
 * The file a module namespace was loaded from, found by identity in the module graph of the running vitest
 * worker (vitest gives modules no URL of their own). Undefined outside vitest, for a module built by hand, or
 * when vitest's internals change shape; callers then ask for the `file` option.
 */
export function moduleFileOf(mod: unknown): string | undefined {
  if (typeof mod !== 'object' || mod === null) return undefined
  try {
    const state = (globalThis as { __vitest_worker__?: WorkerModules }).__vitest_worker__
    const map = state?.evaluatedModules?.idToModuleMap
    if (map) {
      for (const node of map.values()) {
        if (node.exports === mod && typeof node.file === 'string' && node.file !== '') return node.file
      }
      return undefined
    }
    for (const [id, node] of state?.moduleCache ?? []) {
      if (node.exports === mod && path.isAbsolute(id)) return id.split('?')[0]
    }
  } catch {
    // Internal state of vitest: when it cannot be read, the `file` option is the documented way.
  }
  return undefined
}

/**
 * Imports a file through vitest's module runner, as `await import(file)` in a test file would: TSX, aliases,
 * tsconfig paths and `vi.mock` of the user's config apply. A plain `import()` inside this package would use
 * Node's loader instead, because vitest does not transform packages under node_modules.
 */
export async function importThroughVitest(file: string): Promise<unknown> {
  return vi.importActual(file)
}
