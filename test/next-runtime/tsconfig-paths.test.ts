// tsconfig `paths` as Next resolves them, for vite before 8 (which reads none itself).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { mayBePathAlias, tsconfigPathsMatcher } from '../../next-runtime/tsconfig-paths.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-tsconfig-paths-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function project(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  return root
}

describe('tsconfig paths', () => {
  test("create-next-app's `@/*` maps to the project's src folder", () => {
    const root = project('next-app', { 'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }) })
    expect(tsconfigPathsMatcher(root)!('@/lib/posts')).toEqual([path.join(root, 'src/lib/posts')])
    expect(tsconfigPathsMatcher(root)!('react')).toEqual([])
  })

  test('paths from an extended tsconfig, against its baseUrl, several targets in order', () => {
    const root = project('extends', {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['generated/*', 'src/*'] } } }),
      // JSON with comments, as tsconfig files are written.
      'tsconfig.json': `{\n  // shared settings\n  "extends": "./tsconfig.base.json",\n}\n`,
    })
    expect(tsconfigPathsMatcher(root)!('~/ui')).toEqual([path.join(root, 'generated/ui'), path.join(root, 'src/ui')])
  })

  test('no tsconfig, or one without paths: nothing to map', () => {
    expect(tsconfigPathsMatcher(project('plain', { 'package.json': '{}' }))).toBeUndefined()
    expect(tsconfigPathsMatcher(project('no-paths', { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' }))).toBeUndefined()
  })

  test('only bare specifiers are candidates', () => {
    expect(['@/env', '~/ui', 'components/x', '#internal'].map(mayBePathAlias)).toEqual([true, true, true, true])
    expect(['./x', '../x', '/abs/x', '\0virtual', 'node:fs', 'data:text/plain,x'].map(mayBePathAlias)).toEqual([false, false, false, false, false, false])
  })
})
