// Which React server code runs on, read from the installed packages' layout: the project's own React 19 under
// `react-server`, or Next 14's vendored React when the project has React 18. The whole path, on a real Next 14
// install with next-intl's server API, is test/matrix/real-world-next14.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { serverReact } from '../../next-runtime/server-react.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-server-react-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A project with the given files under node_modules (package.json contents or module code). */
function project(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name)
  for (const [file, content] of Object.entries({ 'package.json': '{}', ...files })) {
    const target = path.join(root, file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
  return root
}

const react = (version: string) => ({ 'node_modules/react/package.json': JSON.stringify({ name: 'react', version }) })
const next = { 'node_modules/next/package.json': JSON.stringify({ name: 'next', version: '14.2.35' }) }
/** Next 14's vendored React, as the files its package ships (next/dist/compiled/react*). */
const vendoredReact = {
  'node_modules/next/dist/compiled/react/react.react-server.js': '',
  'node_modules/next/dist/compiled/react/jsx-runtime.react-server.js': '',
  'node_modules/next/dist/compiled/react/jsx-dev-runtime.js': '',
  'node_modules/next/dist/compiled/react-dom/react-dom.react-server.js': '',
}

describe('the React server code runs on', () => {
  test("React 19: the project's own, under the react-server condition", () => {
    expect(serverReact(project('react19', { ...react('19.3.1'), ...next, ...vendoredReact }))).toEqual({ reactServerCondition: true, swaps: [] })
  })

  test("React 18 beside a Next that vendors its server React: react, its JSX runtimes and react-dom swapped for Next's", () => {
    const { reactServerCondition, swaps } = serverReact(project('react18', { ...react('18.3.1'), ...next, ...vendoredReact }))
    expect(reactServerCondition).toBe(true)
    const byImport = (specifier: string) => swaps.find(({ find }) => find.test(specifier))?.file
    expect(byImport('react')).toBe('next/dist/compiled/react/react.react-server.js')
    expect(byImport('react/jsx-runtime')).toBe('next/dist/compiled/react/jsx-runtime.react-server.js')
    expect(byImport('react/jsx-dev-runtime')).toBe('next/dist/compiled/react/jsx-dev-runtime.js')
    expect(byImport('react-dom')).toBe('next/dist/compiled/react-dom/react-dom.react-server.js')
    // Only those exact modules: react-dom/server or a package named react-something stay the project's.
    expect(byImport('react-dom/server')).toBeUndefined()
    expect(byImport('react-intl')).toBeUndefined()
  })

  test('React 18 with a Next that vendors none: no react-server condition (React 18 throws under it), nothing swapped', () => {
    expect(serverReact(project('react18-old-next', { ...react('18.3.1'), ...next }))).toEqual({ reactServerCondition: false, swaps: [] })
  })

  test('only the files the installed Next has are swapped in', () => {
    const withoutDom = { ...vendoredReact }
    delete (withoutDom as Record<string, string>)['node_modules/next/dist/compiled/react-dom/react-dom.react-server.js']
    const { swaps } = serverReact(project('react18-no-dom', { ...react('18.3.1'), ...next, ...withoutDom }))
    expect(swaps.map(({ file }) => file)).not.toContain('next/dist/compiled/react-dom/react-dom.react-server.js')
    expect(swaps).toHaveLength(3)
  })
})
