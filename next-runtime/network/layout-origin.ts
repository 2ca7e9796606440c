// The root layout's `metadataBase` names the site's origin. Loading the layout would run its imports (fonts,
// providers, data), so the origin is read from its source instead: the URL literals of the `metadataBase`
// expression, as real layouts write it (`new URL('https://example.com')`, or with an environment fallback,
// `new URL(process.env.NEXT_PUBLIC_SITE_URL ?? 'https://example.com')`; the variable is read at request time).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { originOf } from './own-origin.js'

/** File names of a root layout, in the order Next looks for them. */
const LAYOUT_FILES = ['layout.tsx', 'layout.ts', 'layout.jsx', 'layout.js']

/** The expression after `metadataBase:` up to the end of its line or the next property. */
const METADATA_BASE = /metadataBase\s*:\s*([^\n]*)/g
const URL_LITERAL = /['"`](https?:\/\/[^'"`$\s]+)['"`]/g

/** The origins the root layout of `appDir` gives `metadataBase` as literals (none when it has no layout or none). */
export function layoutOrigins(appDir: string): string[] {
  const origins = new Set<string>()
  for (const name of LAYOUT_FILES) {
    let source: string
    try {
      source = readFileSync(path.join(appDir, name), 'utf8')
    } catch {
      continue
    }
    for (const match of source.matchAll(METADATA_BASE)) {
      for (const literal of match[1]!.matchAll(URL_LITERAL)) {
        const origin = originOf(literal[1]!)
        if (origin) origins.add(origin)
      }
    }
    break
  }
  return [...origins]
}
