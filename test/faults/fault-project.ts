// A fresh copy of the CLI fixture app per test, removed after the file's tests.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { copyFixture } from '../cli/cli-helpers.js'

export { BIN, listFiles, REPO, runCli } from '../cli/cli-helpers.js'

/** The command's default snapshot folder, relative to the project. */
export const SNAPSHOT_DIR = '__image_snapshots__/routes'

const created: string[] = []
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

/** A copy of test/fixtures/cli-app (three route files, seven images); removed after the test file. */
export function faultProject(): string {
  const dir = copyFixture()
  created.push(dir)
  return dir
}

/** Writes a file under the project, creating its folders. */
export function writeProjectFile(dir: string, file: string, text: string | Buffer): string {
  const full = path.join(dir, file)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, text)
  return full
}

/** Reads a file of the project as bytes. */
export function readProjectFile(dir: string, file: string): Buffer {
  return readFileSync(path.join(dir, file))
}
