import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RendererChoice } from './config.js'

/** One vite alias entry. */
export interface Alias {
  find: RegExp
  replacement: string
}

/**
 * Aliases for loading unmodified route files outside Next: `next/og` to imgmeta's reference renderer (unless
 * the real one is asked for), and `server-only` to an empty module, since image routes run on the server anyway.
 */
export function rendererAliases(renderer: RendererChoice): Alias[] {
  // From source (tsx) the modules are .ts files; from the package, .js.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  const here = path.dirname(fileURLToPath(import.meta.url))
  const aliases: Alias[] = [{ find: /^server-only$/, replacement: path.join(here, `server-only-stub${ext}`) }]
  if (renderer === 'reference') {
    aliases.push({ find: /^next\/og(\.js)?$/, replacement: path.join(here, '..', 'og', `index${ext}`) })
  }
  return aliases
}

/**
 * The vite settings the CLI adds to the project's own config: tsconfig `paths` (Next apps rely on `@/`), the
 * aliases above, and JSX compiled with React's automatic runtime, since Next's tsconfig says `"jsx": "preserve"`
 * and leaves the compiling to Next.
 */
export function imgmetaViteSettings(renderer: RendererChoice) {
  return {
    resolve: { tsconfigPaths: true, alias: rendererAliases(renderer) },
    oxc: { jsx: { runtime: 'automatic' as const, importSource: 'react' } },
  }
}
