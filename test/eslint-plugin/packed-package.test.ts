// A new user's view: imgmeta and eslint-plugin-imgmeta packed and installed in fresh projects whose
// eslint.config.js has three lines, linted by the eslint command: a single app and a monorepo linted from its
// root. Builds into a temporary folder (the shared dist/ folders are left alone).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { installPackedImgmeta, packImgmeta, type PackedImgmeta } from '../helpers/packed-imgmeta.js'
import { makeTempDir, run } from '../helpers/vitest-project.js'
import { FIXTURE_APP, FIXTURE_APP_PROBLEMS, problemLines, type LintedFile } from './fixture-app.js'
import { timeoutOf } from '../helpers/timeouts.js'

const USER_CONFIG = `import imgmeta from 'imgmeta/eslint-plugin'

export default [imgmeta.configs.recommended]
`

let work: string
let packed: PackedImgmeta

beforeAll(async () => {
  work = await makeTempDir('imgmeta-packed-eslint-')
  packed = await packImgmeta(work)
}, timeoutOf(1.5))

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

/** A project folder with the packed packages installed and `files` written into it. */
async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name)
  await mkdir(dir, { recursive: true })
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), text)
  }
  await installPackedImgmeta(dir, packed)
  return dir
}

/** `npx eslint .` in `cwd`, as problem lines (eslint exits 1 when it finds problems, which is the point here). */
async function eslint(cwd: string): Promise<string[]> {
  const result = await run(process.execPath, [path.join(cwd, 'node_modules/eslint/bin/eslint.js'), '.', '--format', 'json'], { cwd })
  if (result.stdout.trim() === '') throw new Error(`eslint printed no report (exit ${result.exitCode}):\n${result.stderr}`)
  return problemLines(JSON.parse(result.stdout) as LintedFile[], cwd)
}

describe('the packed packages', () => {
  test('imgmeta ships no lint code or lint dependencies; eslint-plugin-imgmeta ships the built rules', async () => {
    expect(packed.files.filter((file) => file.startsWith('dist/eslint-plugin/'))).toEqual([])
    expect(packed.files).toContain('entries/eslint-plugin.js')
    expect(packed.pluginFiles).toContain('dist/eslint-plugin/index.js')
    expect(packed.pluginFiles).toContain('dist/eslint-plugin/rules/require-id.js')
    const manifest = JSON.parse(await readFile(path.join(work, 'stage/package.json'), 'utf8')) as Record<string, Record<string, string>>
    const installed = Object.keys({ ...manifest.dependencies })
    expect(installed.filter((name) => /eslint|typescript|^next$|^react|^geist$/.test(name))).toEqual([])
  })

  test('a three-line eslint.config.js importing imgmeta/eslint-plugin lints the fixture app', async () => {
    const dir = path.join(work, 'app')
    await cp(FIXTURE_APP, dir, { recursive: true })
    await project('app', { 'package.json': JSON.stringify({ name: 'new-user-app', private: true, type: 'module' }), 'eslint.config.js': USER_CONFIG })
    expect(await eslint(dir)).toEqual(FIXTURE_APP_PROBLEMS)
  }, timeoutOf(1))

  test('from a monorepo root, the recommended config finds the routes of apps/web', async () => {
    const dir = path.join(work, 'monorepo')
    await cp(FIXTURE_APP, path.join(dir, 'apps/web'), { recursive: true })
    await project('monorepo', {
      'package.json': JSON.stringify({ name: 'monorepo', private: true, type: 'module', workspaces: ['apps/*', 'packages/*'] }),
      'apps/web/package.json': JSON.stringify({ name: 'web', private: true, dependencies: { next: '16.4.6' } }),
      'packages/ui/package.json': JSON.stringify({ name: 'ui', private: true }),
      'packages/ui/src/button.tsx': 'export function Button() { return null }\n',
      'eslint.config.js': `import imgmeta from 'eslint-plugin-imgmeta'\n\nexport default [imgmeta.configs.recommended]\n`,
    })
    expect(await eslint(dir)).toEqual(FIXTURE_APP_PROBLEMS.map((line) => `apps/web/${line}`))
  }, timeoutOf(1))

  test('imgmeta/eslint-plugin is eslint-plugin-imgmeta, from import and from require', async () => {
    const dir = await project('same-plugin', { 'package.json': JSON.stringify({ name: 'same-plugin', private: true }) })
    const script = [
      `const viaRequire = require('imgmeta/eslint-plugin')`,
      `import('imgmeta/eslint-plugin').then(async (viaImport) => {`,
      `  const direct = (await import('eslint-plugin-imgmeta')).default`,
      `  console.log(JSON.stringify([viaImport.default === direct, viaRequire === direct, Object.keys(direct.configs).sort(), direct.meta.name]))`,
      `})`,
    ].join('\n')
    const result = await run(process.execPath, ['-e', script], { cwd: dir })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual([
      true,
      true,
      ['recommended', 'recommended-legacy', 'recommended-type-checked', 'recommended-type-checked-legacy', 'strict'],
      'eslint-plugin-imgmeta',
    ])
  }, timeoutOf(1))

  test('eslint-plugin-imgmeta installed without imgmeta (an optional peer) lints the fixture app', async () => {
    const dir = path.join(work, 'plugin-only')
    await cp(FIXTURE_APP, dir, { recursive: true })
    await project('plugin-only', {
      'package.json': JSON.stringify({ name: 'plugin-only', private: true, type: 'module' }),
      'eslint.config.js': `import imgmeta from 'eslint-plugin-imgmeta'\n\nexport default [imgmeta.configs.recommended]\n`,
    })
    await rm(path.join(dir, 'node_modules/imgmeta'), { recursive: true })
    expect(await eslint(dir)).toEqual(FIXTURE_APP_PROBLEMS)
  }, timeoutOf(1))

  test('without eslint-plugin-imgmeta, imgmeta/eslint-plugin says which package to install', async () => {
    const dir = await project('no-plugin', { 'package.json': JSON.stringify({ name: 'no-plugin', private: true, type: 'module' }) })
    await rm(path.join(dir, 'node_modules/eslint-plugin-imgmeta'), { recursive: true })
    const result = await run(process.execPath, ['--input-type=module', '-e', `await import('imgmeta/eslint-plugin')`], { cwd: dir })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain(
      'imgmeta/eslint-plugin: the ESLint rules are in the package eslint-plugin-imgmeta, which is not installed. ' +
        'Install it beside imgmeta: npm install --save-dev eslint-plugin-imgmeta@0.1.0',
    )
  }, timeoutOf(1))
})
