import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseAst } from 'vite'
import { afterAll, describe, expect, test } from 'vitest'
import { clientReferenceModule, exportedNames, isClientModule } from '../../next-runtime/client-reference.js'
import { commonJsExportNames } from '../../next-runtime/commonjs-exports.js'
import { REPO } from '../helpers/vitest-project.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-client-ref-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe("'use client' modules as Next's server build loads them", () => {
  test('the directive counts only at the top of the module, after comments', () => {
    expect(isClientModule(`'use client'\nimport { useState } from 'react'`)).toBe(true)
    expect(isClientModule(`/** A provider. */\n// client side\n"use client";\nexport const x = 1`)).toBe(true)
    expect(isClientModule(`import 'x'\n'use client'`)).toBe(false)
    expect(isClientModule(`'use server'\nexport async function save() {}`)).toBe(false)
  })

  test('export names come from the ES module, or from CommonJS as Node reads it (re-exports followed)', () => {
    const code = `export default function Provider() {}\nexport const a = 1, b = 2\nexport function useThing() {}\nconst c = 3\nexport { c as renamed }`
    expect(exportedNames(parseAst(code) as { body: unknown[] }).sort()).toEqual(['a', 'b', 'default', 'renamed', 'useThing'])
    // Next's own client link, as installed: SWC's export hint lists the names.
    const link = createRequire(`${REPO}/`).resolve('next/dist/client/app-dir/link.js')
    expect(isClientModule(readFileSync(link, 'utf8'))).toBe(true)
    expect(commonJsExportNames(link).sort()).toEqual(['default', 'useLinkStatus'])
    // React's shape: an entry that re-exports the build of the current NODE_ENV.
    writeFileSync(path.join(scratch, 'entry.js'), `if (process.env.NODE_ENV === 'production') module.exports = require('./build.js')\nelse module.exports = require('./build.js')`)
    writeFileSync(path.join(scratch, 'build.js'), `exports.a = 1\nObject.defineProperty(exports, "b", { enumerable: true, get: function () { return m.b } })\nexports.__esModule = true`)
    expect(commonJsExportNames(path.join(scratch, 'entry.js')).sort()).toEqual(['a', 'b', 'default'])
  })

  test('each export becomes a client reference: renderable, never run, and calling it throws as in Next', async () => {
    const file = path.join(scratch, 'references.mjs')
    writeFileSync(file, clientReferenceModule('/app/components/provider.tsx', ['default', 'useThing']))
    const mod = (await import(file)) as Record<string, (() => unknown) & { $$typeof: symbol; $$id: string }>
    expect(mod.default!.$$typeof).toBe(Symbol.for('react.client.reference'))
    expect(mod.useThing!.$$id).toBe('/app/components/provider.tsx#useThing')
    expect(() => mod.useThing!()).toThrow('Attempted to call useThing() from the server but useThing is on the client.')
  })
})
