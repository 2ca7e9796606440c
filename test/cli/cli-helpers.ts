import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url))
/** The CLI from source: tests run it as users do, as a process, through tsx (no build step needed). */
export const BIN = path.join(REPO, 'cli/bin.ts')
const TSX_LOADER = path.join(REPO, 'node_modules/tsx/dist/esm/index.mjs')
/** Temporary projects live inside the repository so that they resolve react, next and vitest from its node_modules. */
const TMP = path.join(REPO, '.tmp', 'cli-tests')

/** Result of one CLI run. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `imgmeta <args>` in `cwd` and waits for it to exit. CI is unset unless given. */
export function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: undefined, GITHUB_ACTIONS: undefined, ...env }
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key]
  // vitest sets these for the test process itself; the CLI must start from a clean slate.
  delete childEnv.VITEST
  delete childEnv.VITEST_WORKER_ID
  delete childEnv.VITEST_POOL_ID
  delete childEnv.TEST
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX_LOADER, BIN, ...args], { cwd, env: childEnv, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** A fresh copy of a fixture app under .tmp/, returned as an absolute path. */
export function copyFixture(name = 'cli-app'): string {
  mkdirSync(TMP, { recursive: true })
  const dir = mkdtempSync(path.join(TMP, `${name}-`))
  cpSync(path.join(REPO, 'test/fixtures', name), dir, { recursive: true })
  return dir
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(path.relative(dir, full).split(path.sep).join('/'))
    }
  }
  try {
    walk(dir)
  } catch {
    return []
  }
  return out.sort()
}
