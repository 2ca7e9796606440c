// What the environment reads from a project: its .env files (through @next/env), the packages that must go
// through vite, and the aliases its next.config adds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { nextConfigAliases } from '../../next-runtime/next-config-aliases.js'
import { packagesBuiltForNext } from '../../next-runtime/next-dependencies.js'
import { nextServerEnv } from '../../next-runtime/next-env.js'

let project: string
beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-project-env-'))
  const files: Record<string, string> = {
    'package.json': '{}',
    '.env': 'A=from-env\nB=from-env\nC=from-env\nD=from-env\nQUOTED="#10b981"\n',
    '.env.production': 'B=from-production\nC=from-production\nD=from-production\n',
    '.env.local': 'C=from-local\nD=from-local\n',
    '.env.production.local': 'D=from-production-local\n',
    '.env.development': 'A=from-development\n',
    // next-intl's plugin on 15 (webpack builds) sets its alias in the webpack hook, against `config.context`.
    'next.config.mjs':
      `export default (phase) => ({ turbopack: { resolveAlias: { 'my-lib/config': './src/lib-config.ts', 'other': { browser: './x.js' } } }, env: { phase },\n` +
      `  webpack: (config, { isServer }) => { config.resolve.alias['next-intl/config'] = config.context + '/src/i18n/request.ts'; config.resolve.alias['server-side$'] = String(isServer); return config } })\n`,
  }
  const packages: Record<string, object> = {
    'ui-kit': { peerDependencies: { next: '*', react: '*' } },
    'uses-ui-kit': { dependencies: { 'ui-kit': '1.0.0' } },
    '@scope/server-lib': { dependencies: { 'server-only': '0.0.1' } },
    'plain-lib': { dependencies: { react: '*' } },
    next: { dependencies: { 'styled-jsx': '*' } },
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(project, name), text)
  for (const [name, manifest] of Object.entries(packages)) {
    mkdirSync(path.join(project, 'node_modules', name), { recursive: true })
    writeFileSync(path.join(project, 'node_modules', name, 'package.json'), JSON.stringify({ name, ...manifest }))
  }
})
afterAll(() => rmSync(project, { recursive: true, force: true }))

describe('the project environment', () => {
  test('.env files load as next start loads them, the environment wins, process.env is left alone', () => {
    const before = { ...process.env }
    const env = nextServerEnv(project, { C: 'from-shell' })
    expect(env).toMatchObject({
      A: 'from-env',
      B: 'from-production',
      D: 'from-production-local',
      QUOTED: '#10b981',
      NODE_ENV: 'production',
      NEXT_RUNTIME: 'nodejs',
    })
    expect(env.C).toBeUndefined()
    expect(process.env).toEqual(before)
  })

  test('packages written for Next, and the packages that depend on them, go through vite; others and Next itself do not', () => {
    expect(packagesBuiltForNext(project)).toEqual(['@scope/server-lib', 'ui-kit', 'uses-ui-kit'])
  })

  test('string aliases of next.config (turbopack.resolveAlias, and what its webpack hook adds) become vite aliases against the project root', async () => {
    const { aliases, file } = await nextConfigAliases(project)
    expect(file).toBe(path.join(project, 'next.config.mjs'))
    expect(aliases).toEqual([
      { find: /^next-intl\/config$/, replacement: path.join(project, 'src/i18n/request.ts') },
      { find: /^server-side$/, replacement: 'true' },
      { find: /^my-lib\/config$/, replacement: path.join(project, 'src/lib-config.ts') },
    ])
  })
})

describe('a next.config that cannot be loaded', () => {
  test('gives no aliases and says why, naming the file', async () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-broken-next-config-'))
    try {
      writeFileSync(path.join(broken, 'package.json'), '{}')
      // A plugin the config imports but the install lacks, as after a partial install.
      writeFileSync(path.join(broken, 'next.config.mjs'), `import analyzer from '@next/bundle-analyzer'\nexport default analyzer()({})\n`)
      const result = await nextConfigAliases(broken)
      expect(result.aliases).toEqual([])
      expect(result.file).toBe(path.join(broken, 'next.config.mjs'))
      expect(result.error).toMatch(/^Cannot find (package|module) '@next\/bundle-analyzer'/)
    } finally {
      rmSync(broken, { recursive: true, force: true })
    }
  })
})
