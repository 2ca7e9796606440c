import { readJsonLines } from './json-lines.js'
import { isMainThread, Worker } from 'node:worker_threads'

// A route's synchronous `for (;;) {}` blocks the thread it runs on: no timer of that thread ever fires again, so
// no promise-based deadline can end it. A watchdog on a thread of its own can: when an armed deadline passes it
// writes what was running to a log file and kills the process. That process is a vitest fork running image
// tests; the command that started it reads the log, reports the image as timed out, and runs the rest again.

/** One line of the deadline log: the image that was running when its process was killed. */
export interface HardDeadlineRecord {
  /** What ran: the test name, the route file, params and id (whatever the caller armed the deadline with). */
  what: Record<string, unknown>
  ms: number
  pid: number
  /** How many other deadlines were armed when this one fired (steps in flight at once, such as module loads). */
  others?: number
}

const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { appendFileSync } = require('node:fs')
const timers = new Map()
parentPort.on('message', (message) => {
  if (message.type === 'arm') {
    timers.set(message.token, setTimeout(() => {
      try {
        appendFileSync(workerData.logFile, JSON.stringify({ what: message.what, ms: message.ms, pid: process.pid, others: timers.size - 1 }) + '\\n')
      } finally {
        process.kill(process.pid, 'SIGKILL')
      }
    }, message.ms))
  } else {
    clearTimeout(timers.get(message.token))
    timers.delete(message.token)
  }
})
`

let watchdog: Worker | undefined
let nextToken = 0

/**
 * True when a hard deadline can be armed here: a log file is given and this is a process of its own (a vitest
 * fork), not a worker thread, whose kill would take down the process that runs the whole suite.
 */
export function canKillAtDeadline(logFile: string | undefined): logFile is string {
  return logFile !== undefined && isMainThread && process.send !== undefined
}

/**
 * Arms a deadline that holds even against synchronous loops: after `ms` the record is appended to `logFile`
 * and this process is killed (SIGKILL). Returns the function that disarms it. Only in a child process (see
 * {@link canKillAtDeadline}); elsewhere it arms nothing.
 */
export function armHardDeadline(logFile: string | undefined, ms: number, what: Record<string, unknown>): () => void {
  if (!canKillAtDeadline(logFile)) return () => {}
  if (!watchdog) {
    watchdog = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { logFile } })
    // The watchdog must never keep a finished fork alive.
    watchdog.unref()
  }
  const token = ++nextToken
  const dog = watchdog
  dog.postMessage({ type: 'arm', token, ms, what })
  return () => dog.postMessage({ type: 'disarm', token })
}

/** Runs `work` under a hard deadline armed for `what` (armed at once, disarmed when it settles). */
export async function underHardDeadline<T>(logFile: string | undefined, ms: number, what: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  const disarm = armHardDeadline(logFile, ms, what)
  try {
    return await work()
  } finally {
    disarm()
  }
}

/** The records a killed process left in `logFile` (none when it does not exist). */
export function readHardDeadlineLog(logFile: string): HardDeadlineRecord[] {
  return readJsonLines<HardDeadlineRecord>(logFile)
}
