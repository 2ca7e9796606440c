// The plugin as a user meets it: a flat config of one line, ESLint's Node API, a fixture app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, test } from 'vitest'
import imgmeta from '../../eslint-plugin/index.js'
import { FIXTURE_APP, FIXTURE_APP_PROBLEMS, problemLines } from './fixture-app.js'
import { ROOT } from './rule-tester.js'

/** Lints `cwd` with the given config through ESLint's Node API. */
async function lint(cwd: string, config: ESLint.Options['overrideConfig']): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config })
  return problemLines(await eslint.lintFiles(['.']), cwd)
}

const temporary: string[] = []
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
})

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-eslint-'))
  temporary.push(dir)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

describe('imgmeta.configs.recommended', () => {
  test('meta names the plugin package, at the version of imgmeta it ships with', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'packages/eslint-plugin-imgmeta/package.json'), 'utf8')) as { name: string; version: string }
    const imgmetaPkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(imgmeta.meta).toEqual({ name: pkg.name, version: pkg.version })
    expect(pkg.version).toBe(imgmetaPkg.version)
  })

  test('enables every rule, scoped to app folders at any depth (app/, src/app/, apps/web/app/)', () => {
    const config = imgmeta.configs.recommended
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(imgmeta.rules).map((r) => `imgmeta/${r}`).sort())
    expect(config.files).toEqual(['**/app/**/*.{js,jsx,ts,tsx}'])
    expect(imgmeta.configs['recommended-type-checked'].rules).toEqual(config.rules)
  })

  test('the .eslintrc configs enable the same rules on the same files, with the parser given by path', () => {
    for (const name of ['recommended-legacy', 'recommended-type-checked-legacy'] as const) {
      const legacy = imgmeta.configs[name]
      expect(legacy.plugins).toEqual(['imgmeta'])
      expect(legacy.overrides?.[0]?.files).toEqual(imgmeta.configs.recommended.files)
      expect(legacy.overrides?.[0]?.rules).toEqual(imgmeta.configs.recommended.rules)
      expect(path.isAbsolute(String(legacy.overrides?.[0]?.parser))).toBe(true)
    }
  })

  test('lints the fixture app and reports its mistakes, and only them', async () => {
    expect(await lint(FIXTURE_APP, [imgmeta.configs.recommended])).toEqual(FIXTURE_APP_PROBLEMS)
  })

  test('the installed next decides the version; settings.imgmeta.nextVersion overrides it', async () => {
    const dir = tempProject({
      'node_modules/next/package.json': JSON.stringify({ name: 'next', version: '15.5.29' }),
      'app/[slug]/icon.tsx': [
        `export function generateImageMetadata() { return [{ id: 'a' }] }`,
        `export default function Icon({ params, id }: { params: { slug: string }; id: string }) { return new Response(null, { status: 404 }) }`,
      ].join('\n'),
    })
    expect(await lint(dir, [imgmeta.configs.recommended])).toEqual([])
    expect(await lint(dir, [imgmeta.configs.recommended, { settings: { imgmeta: { nextVersion: 16 } } }])).toEqual([
      'app/[slug]/icon.tsx:2 imgmeta/id-type',
      'app/[slug]/icon.tsx:2 imgmeta/params-match-route',
    ])
  })

  test('recommended-type-checked resolves aliases through the project\'s tsconfig', async () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, jsx: 'preserve', module: 'esnext', moduleResolution: 'bundler', noEmit: true },
        include: ['app'],
      }),
      'app/[slug]/icon.tsx': [
        `type Params = { slug: number }`,
        `interface Props { params: Promise<Params>; id: number }`,
        `export function generateImageMetadata() { return [{ id: 'a' }] }`,
        `export default async function Icon({ params, id }: Props) { return new Response(null, { status: 404 }) }`,
      ].join('\n'),
    })
    expect(await lint(dir, [imgmeta.configs.recommended, { settings: { imgmeta: { nextVersion: 16 } } }])).toEqual([])
    // As a user writes it: the project service finds the tsconfig.json beside the app.
    expect(await lint(dir, [imgmeta.configs['recommended-type-checked'], { settings: { imgmeta: { nextVersion: 16 } } }])).toEqual([
      'app/[slug]/icon.tsx:4 imgmeta/id-type',
      'app/[slug]/icon.tsx:4 imgmeta/params-match-route',
    ])
  })

  test("a project in a folder named app (Docker's /app) is not mistaken for the app root", async () => {
    const project = path.join(tempProject({}), 'app')
    const gim = `export function generateImageMetadata() { return [{ alt: 'no id' }] }\n`
    mkdirSync(path.join(project, 'components'), { recursive: true })
    mkdirSync(path.join(project, 'app'), { recursive: true })
    writeFileSync(path.join(project, 'components/icon.tsx'), gim)
    writeFileSync(path.join(project, 'app/icon.tsx'), gim)
    const everywhere = { ...imgmeta.configs.recommended, files: ['**/*.tsx'] }
    expect(await lint(project, [everywhere])).toEqual(['app/icon.tsx:1 imgmeta/require-id'])
  })
})
