// The names a CommonJS file exports as Node's ES module loader sees them: read by cjs-module-lexer, the lexer Node
// itself uses, following re-exports such as React's `module.exports = require('./cjs/react.production.js')`.
// Never by running the file: a client module's code must not run on the server.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parse } from 'cjs-module-lexer'

/** The export names of the CommonJS file `file`, `default` (the whole `module.exports`) included. */
export function commonJsExportNames(file: string): string[] {
  const names = new Set<string>(['default'])
  const visited = new Set<string>()
  const visit = (current: string): void => {
    if (visited.has(current)) return
    visited.add(current)
    const { exports, reexports } = parse(readFileSync(current, 'utf8'), current)
    for (const name of exports) names.add(name)
    for (const specifier of reexports) {
      let target: string
      try {
        target = createRequire(current).resolve(specifier)
      } catch {
        continue // Node leaves out a re-export it cannot resolve, too.
      }
      visit(target)
    }
  }
  visit(file)
  names.delete('__esModule')
  return [...names]
}
