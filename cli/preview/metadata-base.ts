// og/twitter image URLs in a page's head are absolute. Next resolves them against the `metadataBase` of the
// page's layouts and page (the last one that sets it wins), and without one against `http://localhost:$PORT`
// of the process that prerenders the page: `next build`, so port 3000 (docs/next-versions.md); the build then
// warns "metadataBase property in metadata export is not set". The preview loads those files as Next does,
// through the project's module environment, so `new URL(process.env.SITE_URL ?? '…')` reads the project's
// `.env`; a layout that cannot be loaded falls back to the URL literal its source gives.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { ModuleLoader } from '../../src/app.js'
import { layoutOrigins } from '../../next-runtime/network/layout-origin.js'

/** The base the preview makes og/twitter URLs absolute with, and where it comes from. */
export interface PreviewMetadataBase {
  base: string
  /** What the page says about the base: the file or config that set it, or Next's fallback. */
  note: string
}

/** File names of layouts and pages, in the order Next looks for them. */
const EXTENSIONS = ['tsx', 'ts', 'jsx', 'js']

/** The origin Next falls back to: the port of the prerendering process (`next build`, none set: 3000). */
export function defaultMetadataBase(env: NodeJS.ProcessEnv = process.env): string {
  return `http://localhost:${env.PORT || 3000}`
}

/**
 * The `metadataBase` the page of `routeFile`'s folder gets: the configured one if given, else the last one the
 * layouts from the app root down to that folder, then its page, export in `metadata`, else Next's fallback.
 */
export async function routeMetadataBase(appDir: string, routeFile: string, load: ModuleLoader, configured?: string): Promise<PreviewMetadataBase> {
  if (configured) return { base: configured, note: `metadataBase ${configured} from imgmeta.config.ts` }
  const root = path.resolve(appDir)
  const folder = path.dirname(path.resolve(routeFile))
  const segments = path.relative(root, folder).split(path.sep).filter((s) => s !== '' && s !== '..')
  const folders = [root, ...segments.map((_, i) => path.join(root, ...segments.slice(0, i + 1)))]
  const files = folders.flatMap((dir) => existing(dir, 'layout') ?? [])
  const page = existing(folders.at(-1)!, 'page')
  if (page) files.push(page)

  let found: PreviewMetadataBase | undefined
  const skipped: string[] = []
  for (const file of files) {
    const name = path.relative(root, file).split(path.sep).join('/')
    let mod: { metadata?: { metadataBase?: unknown }; generateMetadata?: unknown } | undefined
    try {
      mod = (await load(file)) as typeof mod
    } catch (error) {
      const literal = file === files[0] && path.dirname(file) === root ? layoutOrigins(root)[0] : undefined
      if (literal) found = { base: literal, note: `metadataBase ${literal} read from the source of ${name}, which could not be loaded: ${firstLine(error)}` }
      else skipped.push(`${name} could not be loaded (${firstLine(error)})`)
      continue
    }
    const value = mod?.metadata?.metadataBase
    if (value instanceof URL || (typeof value === 'string' && value !== '')) {
      found = { base: String(value), note: `metadataBase ${String(value)} from ${name}` }
    } else if (mod?.metadata === undefined && typeof mod?.generateMetadata === 'function') {
      skipped.push(`generateMetadata of ${name} is not run, so a metadataBase it returns is not applied`)
    }
  }
  const result = found ?? {
    base: defaultMetadataBase(),
    note: `no metadataBase is set, so Next uses ${defaultMetadataBase()} (and next build warns about it)`,
  }
  return skipped.length ? { ...result, note: `${result.note}; ${skipped.join('; ')}` } : result
}

function existing(dir: string, name: string): string | undefined {
  return EXTENSIONS.map((ext) => path.join(dir, `${name}.${ext}`)).find((file) => existsSync(file))
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!
}
