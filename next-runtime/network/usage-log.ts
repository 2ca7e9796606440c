// Each worker process appends one line per recording it replays or makes to a file of its own; the process that
// started the run reads them all at its end to write the recordings file once, list obsolete recordings and
// print what was recorded. Lines are written synchronously, so a worker that exits right after a test loses none.
import { appendFileSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { HarEntry } from './har.js'
import { readJsonLines } from '../json-lines.js'

/** One line of a usage log: a recording used (replayed, or recorded in this run with its entry). */
export interface UsageLine {
  key: string
  recorded?: HarEntry
}

const LOG_SUFFIX = '.network.jsonl'

/** Appends one line to this process's log in `logDir`. */
export function logUsage(logDir: string, line: UsageLine): void {
  mkdirSync(logDir, { recursive: true })
  appendFileSync(path.join(logDir, `${process.pid}-${process.env.VITEST_POOL_ID ?? '0'}${LOG_SUFFIX}`), `${JSON.stringify(line)}\n`)
}

/** Every line every process logged in `logDir` (none when it does not exist). */
export function readUsage(logDir: string): UsageLine[] {
  let names: string[]
  try {
    names = readdirSync(logDir).filter((name) => name.endsWith(LOG_SUFFIX)).sort()
  } catch {
    return []
  }
  return names.flatMap((name) => readJsonLines<UsageLine>(path.join(logDir, name)))
}
