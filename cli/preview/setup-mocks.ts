// The project's setup files stand modules in for its tests (`vi.mock('@/lib/analytics', () => ({ track: vi.fn() }))`),
// and `imgmeta check` runs the routes with those stand-ins. The preview renders outside vitest, so its setup files
// get a `vitest` of the preview's own with the part of `vi` that setup files stand modules in with: `vi.mock`
// with a factory (given `importOriginal`), `vi.fn`, `vi.hoisted`, `vi.stubEnv` and `vi.stubGlobal`. vitest's
// hooks and `expect.extend` do nothing here. Any other call throws, naming it, and the gallery shows that setup
// file's error.
import { fileURLToPath } from 'node:url'
import type { Plugin, ViteDevServer } from 'vite'

/** The id of the preview's `vitest` for one importer (vi.mock paths are relative to it). */
const VITEST_ID = '\0imgmeta-preview-vitest:'
/** What `vitest` is aliased to, turned into VITEST_ID and the importer once the importer is known. */
const VITEST_ALIAS = '\0imgmeta-preview-vitest'
/** The id of a module a setup file mocked, by the real module's id. */
const MOCK_ID = '\0imgmeta-preview-mock:'
/** Where the generated modules find the registry (one per process). */
const REGISTRY = Symbol.for('imgmeta.preview.mocks')

type Factory = (importOriginal: () => Promise<unknown>) => unknown

interface Registry {
  /** Factories by the id of the module they stand in for. */
  factories: Map<string, Factory>
  /** What each factory returned, for the generated module to export. */
  values: Map<string, Record<string, unknown>>
  /** Modules whose real code a factory's `importOriginal` is loading: never stood in for meanwhile. */
  originals: Set<string>
  /** vi.mock calls whose path is still being resolved. */
  pending: Promise<unknown>[]
  /** Resolves a vi.mock path against the file that called it. */
  resolve?: (path: string, importer: string) => Promise<string | undefined>
}

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>
  return (holder[REGISTRY] ??= { factories: new Map(), values: new Map(), originals: new Set(), pending: [] })
}

/** Registers a factory for `path` as the file `importer` names it; called by the preview's `vi.mock`. */
function mock(importer: string, path: unknown, factory: unknown): void {
  if (typeof path !== 'string') throw new TypeError('vi.mock(path, factory) in imgmeta preview: path must be a string')
  if (typeof factory !== 'function') {
    throw new Error(`vi.mock('${path}') without a factory (vitest's automock) is not available in imgmeta preview; give it a factory`)
  }
  const { resolve, factories, pending } = registry()
  pending.push(
    (resolve ? resolve(path, importer) : Promise.resolve(undefined)).then((id) => {
      if (id === undefined) throw new Error(`vi.mock('${path}') in ${importer}: the module cannot be found`)
      factories.set(id, factory as Factory)
    }),
  )
}

/** The preview's `vi.fn`: calls its implementation and records the calls, with the setters setup files use. */
function fn(implementation?: (...args: unknown[]) => unknown): unknown {
  let impl = implementation
  const calls: unknown[][] = []
  const mocked = Object.assign((...args: unknown[]) => {
    calls.push(args)
    return impl?.(...args)
  }, {
    mock: { calls },
    mockImplementation(next: (...args: unknown[]) => unknown) {
      impl = next
      return mocked
    },
    mockReturnValue(value: unknown) {
      impl = () => value
      return mocked
    },
    mockResolvedValue(value: unknown) {
      impl = () => Promise.resolve(value)
      return mocked
    },
    mockRejectedValue(value: unknown) {
      impl = () => Promise.reject(value)
      return mocked
    },
  })
  return mocked
}

/** Exported for the generated `vitest` modules: what a setup file's `vi` does in the preview. */
export function previewVi(importer: string): Record<string, unknown> {
  const vi: Record<string, unknown> = {
    mock: (path: unknown, factory: unknown) => mock(importer, path, factory),
    fn,
    hoisted: (factory: () => unknown) => factory(),
    stubEnv: (name: string, value: string) => {
      process.env[name] = value
    },
    stubGlobal: (name: string, value: unknown) => {
      ;(globalThis as Record<string, unknown>)[name] = value
    },
  }
  return new Proxy(vi, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name as string]
      return () => {
        throw new Error(`vi.${name}() is not available in imgmeta preview (it runs outside vitest)`)
      }
    },
  })
}

/** The module a setup file gets for `import … from 'vitest'`. */
function vitestModule(importer: string): string {
  const entry = JSON.stringify(fileURLToPath(import.meta.url))
  const hooks = ['beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'onTestFinished', 'onTestFailed', 'describe', 'test', 'it']
  return (
    `import { previewVi } from ${entry}\n` +
    `export const vi = previewVi(${JSON.stringify(importer)})\n` +
    `export const vitest = vi\n` +
    hooks.map((name) => `export function ${name}() {}\n`).join('') +
    `export function expect() { throw new Error('expect() is not available in imgmeta preview (it runs outside vitest)') }\n` +
    `expect.extend = () => {}\n`
  )
}

/** Identifier-safe export names of a factory's value. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** The module standing in for `id`: the names its factory returned (settleSetupMocks ran it). */
function mockModule(id: string): string {
  const value = registry().values.get(id) ?? {}
  const names = Object.keys(value).filter((name) => name !== 'default' && IDENTIFIER.test(name))
  return (
    `const value = globalThis[Symbol.for('imgmeta.preview.mocks')].values.get(${JSON.stringify(id)}) ?? {}\n` +
    names.map((name) => `export const ${name} = value[${JSON.stringify(name)}]\n`).join('') +
    `export default ('default' in value ? value.default : value)\n`
  )
}

/** The vite plugin of the preview's `vitest` and of the modules setup files mock. */
export function previewSetupMocks(): Plugin {
  return {
    name: 'imgmeta:preview-setup-mocks',
    enforce: 'pre',
    // An alias, not only resolveId: vite's SSR hands a bare import of an installed package to Node before any
    // plugin resolves it, unless an alias matches it.
    config: () => ({ resolve: { alias: [{ find: /^vitest$/, replacement: VITEST_ALIAS }] } }),
    configureServer(vite) {
      registry().resolve = async (path, importer) => (await vite.pluginContainer.resolveId(path, importer))?.id
    },
    async resolveId(source, importer) {
      if (importer === undefined) return null
      if (source === VITEST_ALIAS) return `${VITEST_ID}${importer}`
      const { factories, originals } = registry()
      if (factories.size === 0 || source.startsWith('\0')) return null
      const resolved = await this.resolve(source, importer, { skipSelf: true })
      return resolved && factories.has(resolved.id) && !originals.has(resolved.id) ? `${MOCK_ID}${resolved.id}` : null
    },
    load(id) {
      if (id.startsWith(VITEST_ID)) return vitestModule(id.slice(VITEST_ID.length))
      if (id.startsWith(MOCK_ID)) return mockModule(id.slice(MOCK_ID.length))
      return null
    },
  }
}

/**
 * Registers the vi.mock calls made so far and runs their factories, as vitest runs one before the module is
 * first imported; throws the first that failed. Called between setup files, outside vite's hooks: a factory's
 * `importOriginal` loads the real module through vite, which a load hook must not wait for.
 */
export async function settleSetupMocks(vite: ViteDevServer): Promise<void> {
  const { pending, factories, values, originals } = registry()
  await Promise.all(pending.splice(0))
  for (const [id, factory] of factories) {
    if (values.has(id)) continue
    const importOriginal = async () => {
      originals.add(id)
      try {
        return await vite.ssrLoadModule(id)
      } finally {
        originals.delete(id)
      }
    }
    values.set(id, ((await factory(importOriginal)) ?? {}) as Record<string, unknown>)
  }
}
