// Temporary user projects and vitest runs inside them, for tests that need vitest's whole pipeline.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { timeoutOf } from './timeouts.js'

/** The imgmeta repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The longest a child vitest or tsc run may take before the test gives up on it. */
export const CHILD_TIMEOUT_MS = timeoutOf(0.75)

/** One test of vitest's JSON report. */
export interface JsonTest {
  fullName: string
  title: string
  ancestorTitles: string[]
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo'
  failureMessages: string[]
  meta?: Record<string, unknown>
}

/** What a child process did. */
export interface ChildRun {
  exitCode: number
  stdout: string
  stderr: string
}

/** A child vitest run and its JSON report, tests by full name. */
export interface VitestRun extends ChildRun {
  tests: Map<string, JsonTest>
}

/** A fresh folder under the OS temp dir; the caller removes it. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix))
}

/**
 * The parent's environment without what would change a child vitest's behaviour: vitest's own worker
 * variables and CI markers (a CI run writes no snapshots). `extra` is applied last.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'CI' || key === 'GITHUB_ACTIONS' || key === 'TEST' || key === 'NODE_ENV') continue
    env[key] = value
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return env
}

/** Runs a command to its end (never rejects on a non-zero exit); `timeout` defaults to CHILD_TIMEOUT_MS. */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? childEnv(), timeout: options.timeout ?? CHILD_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${command} ${args.join(' ')} failed to run in ${options.cwd}: ${error.message}\n${stderr}`))
          return
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr })
      },
    )
  })
}

/** `vitest run` in `cwd` (with the vitest installed there), read back through its JSON reporter. */
export async function runVitest(cwd: string, args: readonly string[] = [], env?: NodeJS.ProcessEnv): Promise<VitestRun> {
  const report = path.join(cwd, `vitest-report-${process.pid}-${Date.now()}.json`)
  const vitest = path.join(cwd, 'node_modules', 'vitest', 'vitest.mjs')
  const child = await run(process.execPath, [vitest, 'run', '--reporter=json', `--outputFile=${report}`, ...args], {
    cwd,
    env: env ?? childEnv(),
  })
  let parsed: { testResults: { assertionResults: JsonTest[]; message?: string }[] }
  try {
    parsed = JSON.parse(await readFile(report, 'utf8')) as typeof parsed
  } catch (cause) {
    throw new Error(`vitest in ${cwd} wrote no report (exit ${child.exitCode}):\n${child.stdout}\n${child.stderr}`, { cause })
  }
  const tests = new Map<string, JsonTest>()
  for (const file of parsed.testResults) for (const test of file.assertionResults) tests.set(test.fullName, test)
  return { ...child, tests }
}

/** `{ fullName: status }` of a run, for one exact comparison. */
export function statuses(run: VitestRun): Record<string, string> {
  return Object.fromEntries([...run.tests.values()].map((t) => [t.fullName, t.status]))
}
