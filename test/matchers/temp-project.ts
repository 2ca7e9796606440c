// Copies test/fixtures/snapshot-project into a temporary folder and runs vitest there in a child process.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { timeoutOf } from '../helpers/timeouts.js'

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..')
const FIXTURE = path.join(ROOT, 'test/fixtures/snapshot-project')
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs')

// Variables by which vitest (std-env) detects CI; removed so a local run is local even on a CI machine.
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'CIRCLECI', 'TRAVIS', 'JENKINS_URL', 'TF_BUILD', 'UPDATE_SNAPSHOT']

/** The result of one vitest run. */
export interface RunResult {
  status: number | null
  output: string
}

/** A temporary copy of the fixture project. */
export interface TempProject {
  dir: string
  /** Runs `vitest run <args>`; `env` adds variables (CI is off unless given). */
  run(args?: string[], env?: Record<string, string>): RunResult
  /** Every file under `folder` (default `__image_snapshots__`), relative to it, sorted. */
  files(folder?: string): string[]
  cleanup(): void
}

/** Creates a temporary project holding the config, helpers and the given fixture test files. */
export function createTempProject(testFiles: string[], matcher: 'imgmeta' | 'jest-image-snapshot' | 'both' = 'imgmeta'): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), `imgmeta-project-${matcher}-`))
  for (const file of ['package.json', 'vitest.config.ts', 'image.ts', 'setup-jest-image-snapshot.ts', 'setup-both.ts', 'image-snapshot-reporter.ts', ...testFiles]) {
    try {
      cpSync(path.join(FIXTURE, file), path.join(dir, file))
    } catch (error) {
      if (file !== 'image-snapshot-reporter.ts') throw error
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return {
    dir,
    run(args = [], env = {}) {
      const base: NodeJS.ProcessEnv = { ...process.env }
      for (const name of CI_VARIABLES) delete base[name]
      for (const name of Object.keys(base)) if (name.startsWith('VITEST')) delete base[name]
      const child = spawnSync(process.execPath, [VITEST, 'run', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...base, IMGMETA_ROOT: ROOT, IMGMETA_MATCHER: matcher, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
        timeout: timeoutOf(1),
      })
      return { status: child.status, output: `${child.stdout}\n${child.stderr}` }
    },
    files(folder = '__image_snapshots__') {
      const base = path.join(dir, folder)
      try {
        statSync(base)
      } catch {
        return []
      }
      return (readdirSync(base, { recursive: true }) as string[])
        .filter((f) => statSync(path.join(base, f)).isFile())
        .map((f) => f.split(path.sep).join('/'))
        .sort()
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
