// Loads the fixture's TSX route modules in this process through vite's SSR module loader, with `next/og`
// aliased to a chosen module (imgmeta's reference renderer), so imgmeta can run the very files Next built.
import { createServer, type ViteDevServer } from 'vite'

/** A module loader; `close` releases vite's resources. */
export interface ModuleLoader {
  load: (file: string) => Promise<Record<string, unknown>>
  close: () => Promise<void>
}

/** Creates a loader rooted at `root`; `nextOg` is the module that `import … from 'next/og'` gets. */
export async function createModuleLoader(root: string, nextOg: string): Promise<ModuleLoader> {
  const server: ViteDevServer = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: { alias: [{ find: /^next\/og$/, replacement: nextOg }] },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  })
  return {
    load: (file) => server.ssrLoadModule(file) as Promise<Record<string, unknown>>,
    close: () => server.close(),
  }
}
