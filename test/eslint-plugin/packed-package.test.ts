// A new user's view: the packed package installed in a fresh project whose eslint.config.js has three lines,
// linted by the eslint command. Builds into a temporary folder (the shared dist/ is left alone).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { FIXTURE_APP, FIXTURE_APP_PROBLEMS, problemLines, type LintedFile } from './fixture-app.js'
import { ROOT } from './rule-tester.js'
import { timeoutOf } from '../helpers/timeouts.js'

const USER_CONFIG = `import imgmeta from 'imgmeta/eslint-plugin'

export default [imgmeta.configs.recommended]
`

const work = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-packed-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

test('the packed package lints a fixture app from a three-line eslint.config.js', () => {
  // 1. Build and pack what `npm publish` would ship.
  const pkg = path.join(work, 'pkg')
  mkdirSync(pkg)
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc')
  try {
    run(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(pkg, 'dist')], ROOT)
  } catch (error) {
    // Other parts of the package may be mid-change; the plugin's own files must compile.
    const output = String((error as { stdout?: string }).stdout ?? '')
    expect(output.split('\n').filter((l) => l.startsWith('eslint-plugin/') || l.startsWith('src/route') || l.startsWith('src/next-version'))).toEqual([])
  }
  for (const file of ['package.json', 'README.md']) cpSync(path.join(ROOT, file), path.join(pkg, file))
  cpSync(path.join(ROOT, 'docs'), path.join(pkg, 'docs'), { recursive: true })
  const tarball = run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], pkg).trim().split('\n').pop()!

  // 2. A fresh project: the user's files, the package unpacked into node_modules, the rest of the dependency
  //    tree linked from this repository's node_modules (no network).
  const project = path.join(work, 'project')
  cpSync(FIXTURE_APP, project, { recursive: true })
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'new-user-app', private: true, type: 'module' }))
  writeFileSync(path.join(project, 'eslint.config.js'), USER_CONFIG)
  const modules = path.join(project, 'node_modules')
  mkdirSync(path.join(modules, 'imgmeta'), { recursive: true })
  run('tar', ['-xzf', path.join(work, tarball), '-C', path.join(modules, 'imgmeta'), '--strip-components=1'], work)
  for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry === 'imgmeta' || entry.startsWith('.')) continue
    symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(modules, entry))
  }
  expect(readdirSync(path.join(modules, 'imgmeta/docs/rules'))).toContain('require-id.md')

  // 3. Lint as the user would: `npx eslint .`
  let json: string
  try {
    json = run(process.execPath, [path.join(modules, 'eslint/bin/eslint.js'), '.', '--format', 'json'], project)
  } catch (error) {
    // eslint exits 1 when it finds problems, which is what this app is for.
    json = String((error as { stdout?: string }).stdout ?? '')
  }
  expect(problemLines(JSON.parse(json) as LintedFile[], project)).toEqual(FIXTURE_APP_PROBLEMS)
}, timeoutOf(2))
