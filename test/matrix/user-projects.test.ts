// The install matrix: imgmeta and eslint-plugin-imgmeta, packed, installed with npm (from the registry, no
// flags) into four generated user projects — Next 14 on ESLint 8 and CommonJS, Next 15 on ESLint 9, Next 16 on
// ESLint 10, an npm-workspaces monorepo — each with one planted image-route mistake. In each: the install
// succeeds, ESLint reports exactly the mistake, tsc passes on a test of both matchers, the matcher test fails on
// the mistake and passes once it is fixed, `imgmeta check` reports it, and `imgmeta update --prune` deletes
// only a snapshot no image uses.
//
//   npm run test:matrix        (needs the npm registry; the npm cache is shared between the installs)
import { execFile } from 'node:child_process'
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { packImgmeta } from '../helpers/packed-imgmeta.js'
import { childEnv, makeTempDir, type ChildRun } from '../helpers/vitest-project.js'
import { matrixProjects, ROUTE_FIXED, ROUTE_WITH_MISTAKE, type MatrixProject } from './projects.js'
import { timeoutOf } from '../helpers/timeouts.js'

/** An install of a Next app with a cold npm cache takes minutes on a loaded machine. */
const INSTALL_TIMEOUT = timeoutOf(5)
/** Any other command of a project: eslint, tsc, vitest, imgmeta check. */
const COMMAND_TIMEOUT = timeoutOf(5 / 3)

/** Runs a command to its end (never rejects on a non-zero exit). */
function run(command: string, args: readonly string[], cwd: string, timeout = COMMAND_TIMEOUT): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: childEnv({ NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1' }), timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`${command} ${args.join(' ')} failed to run in ${cwd}: ${error.message}\n${stderr}`))
      else resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr })
    })
  })
}

let work: string
let projects: MatrixProject[]

beforeAll(async () => {
  work = await makeTempDir('imgmeta-matrix-')
  const packed = await packImgmeta(work)
  projects = matrixProjects({ imgmeta: packed.tarball, plugin: packed.pluginTarball })
}, COMMAND_TIMEOUT)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

/** `file ruleId` of each ESLint problem, sorted. */
function problems(json: string, cwd: string): string[] {
  const results = JSON.parse(json) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[]
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.filePath)} ${m.ruleId ?? `fatal: ${m.message}`}`)).sort()
}

/** vitest run in `cwd`, with the vitest installed in `root`: exit code, output and `{ test name: status }`. */
async function vitest(root: string, cwd: string): Promise<ChildRun & { statuses: Record<string, string>; failures: string[] }> {
  const report = path.join(cwd, 'vitest-report.json')
  const child = await run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`], cwd)
  let parsed: { testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] }
  try {
    parsed = JSON.parse(await readFile(report, 'utf8')) as typeof parsed
  } catch (cause) {
    throw new Error(`vitest in ${cwd} wrote no report (exit ${child.exitCode}):\n${child.stdout}\n${child.stderr}`, { cause })
  }
  const statuses = Object.fromEntries(parsed.testResults.flatMap((f) => f.assertionResults.map((t) => [t.fullName, t.status])))
  const failures = parsed.testResults.flatMap((f) => f.assertionResults.flatMap((t) => t.failureMessages))
  return { ...child, statuses, failures }
}

/** Warnings a clean project must not print: module format, deprecations, peer trouble. */
const UNWANTED = /deprecat|ESM file cannot be loaded|ERESOLVE|MODULE_TYPELESS|ExperimentalWarning|peer dep/i

/**
 * vite 5 prints this when a CommonJS project's vitest.config.ts is bundled as CommonJS and vitest/config requires
 * vite's CommonJS build: vite's and vitest's own, with or without imgmeta (vite's fix: an ESM config file).
 */
const VITE_CJS_NOTICE = /^.*The CJS build of Vite's Node API is deprecated.*$/gm

/** What a command printed to stderr that a clean project should not see. */
const unwanted = (stderr: string) => stderr.replace(VITE_CJS_NOTICE, '').match(UNWANTED)?.[0]

describe.each([0, 1, 2, 3])('user project %i of the matrix', (index) => {
  let project: MatrixProject
  let root: string

  beforeAll(async () => {
    project = projects[index]!
    root = path.join(work, project.name)
    for (const [file, text] of Object.entries(project.files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true })
      await writeFile(path.join(root, file), text)
    }
  })

  test('npm install exits 0 with no flag, and brings no linter, next or react that the project lacks', async () => {
    console.log(`matrix: ${project.title}`)
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], root, INSTALL_TIMEOUT)
    expect(install.stderr).not.toMatch(/ERESOLVE|legacy-peer-deps/)
    expect(install.exitCode).toBe(0)
    const tree = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], root)
    // Production dependencies are the app's own; imgmeta is a dev dependency and adds none of these.
    expect(tree.stdout.split('\n').filter((line) => /node_modules\/(eslint|typescript|@typescript-eslint\/[^/]+|geist)$/.test(line))).toEqual([])
  }, INSTALL_TIMEOUT)

  test('ESLint from the root reports exactly the planted mistake', async () => {
    const eslint = await run(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.', '--format', 'json'], root)
    expect(unwanted(eslint.stderr)).toBeUndefined()
    expect(problems(eslint.stdout, root)).toEqual([`${project.routeFile} imgmeta/size-matches-output`])
  })

  test('tsc passes on the test file that uses both matchers', async () => {
    const tsc = await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', path.join(root, project.webDir)], root)
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.exitCode).toBe(0)
  })

  test('imgmeta check reports the mistake', async () => {
    const check = await run(process.execPath, [path.join(root, 'node_modules/imgmeta/dist/cli/bin.js'), 'check', project.appDir, '--renderer', 'reference'], root)
    expect(unwanted(check.stderr)).toBeUndefined()
    expect(check.stdout).toContain('declares size 1024×768 but the image function rendered 1200×630')
    expect(check.exitCode).toBe(1)
  })

  test('the matcher test fails on the mistake and passes once it is fixed', async () => {
    const web = path.join(root, project.webDir)
    const before = await vitest(root, web)
    expect(unwanted(before.stderr)).toBeUndefined()
    expect(before.statuses).toEqual({ 'the card has valid image metadata': 'failed', 'the card matches its snapshot': 'passed' })
    expect(before.failures).toHaveLength(1)
    expect(before.failures[0]).toContain('declares size 1024×768 but the image function rendered 1200×630')
    await writeFile(path.join(root, project.routeFile), ROUTE_FIXED)
    const after = await vitest(root, web)
    expect(after.statuses).toEqual({ 'the card has valid image metadata': 'passed', 'the card matches its snapshot': 'passed' })
    expect(after.exitCode).toBe(0)
  })

  test('imgmeta update --prune keeps every snapshot in use and deletes only the one no image uses', async () => {
    const bin = path.join(root, 'node_modules/imgmeta/dist/cli/bin.js')
    // The route is fixed (previous test): update writes its snapshot.
    const update = await run(process.execPath, [bin, 'update', project.appDir, '--renderer', 'reference'], root)
    expect(update.exitCode, update.stdout + update.stderr).toBe(0)
    const written = (await readdir(root, { recursive: true })).filter((file) => /__image_snapshots__[\\/]routes[\\/]opengraph-image\.png$/.test(file) && !file.includes('node_modules'))
    expect(written).toHaveLength(1)
    const used = path.join(root, written[0]!)
    // A snapshot of a route that no longer exists, written by imgmeta (it carries the render stamp).
    const retired = path.join(path.dirname(used), 'retired', 'opengraph-image.png')
    await mkdir(path.dirname(retired), { recursive: true })
    await copyFile(used, retired)
    const prune = await run(process.execPath, [bin, 'update', project.appDir, '--renderer', 'reference', '--prune'], root)
    expect(prune.exitCode, prune.stdout + prune.stderr).toBe(0)
    expect(prune.stdout).toMatch(/Obsolete +1 deleted:\n +- \S*retired\/opengraph-image\.png\n/)
    await expect(stat(used)).resolves.toBeDefined()
    await expect(stat(retired)).rejects.toThrow(/ENOENT/)
  })

  test('next lint (Next 14 and 15) reports exactly the planted mistake', async (context) => {
    if (!project.nextLint) context.skip()
    await writeFile(path.join(root, project.routeFile), ROUTE_WITH_MISTAKE)
    const lint = await run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'lint', '--format', 'json'], root)
    // next lint prints its own notes around ESLint's report, which it writes to stderr.
    const report = `${lint.stdout}\n${lint.stderr}`.split('\n').find((line) => line.startsWith('['))
    expect(report, lint.stdout + lint.stderr).toBeDefined()
    expect(problems(report!, root)).toEqual([`${project.routeFile} imgmeta/size-matches-output`])
    expect(lint.exitCode).toBe(1)
  })
})
