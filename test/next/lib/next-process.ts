// Runs `next build` and `next start` as child processes that can always be stopped: each child leads its own
// process group, every bound is a named constant, and every group still alive when this process ends is killed.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'

/** How long `next build` may take before it is stopped and the run fails. */
export const BUILD_TIMEOUT_MS = 180_000
/** How long `next start` may take to answer its first request. */
export const START_TIMEOUT_MS = 30_000
/** How long a stopped process group gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 3_000
/** The most output kept from one child, so a chatty build cannot exhaust memory. */
export const MAX_OUTPUT_CHARS = 200_000

const live = new Set<ChildProcess>()

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of live) killGroup(child, 'SIGKILL')
    process.exit(130)
  })
}

/** A port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** The environment every Next child gets. */
export function nextEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra }
  // A PORT inherited from the caller would change the absolute URLs Next prerenders.
  delete env.PORT
  delete env.NODE_OPTIONS
  // vite (which loads the route modules in this process) sets development; Next must pick its own.
  delete env.NODE_ENV
  return env
}

interface Spawned {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function spawnNext(projectDir: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  const bin = path.join(projectDir, 'node_modules', 'next', 'dist', 'bin', 'next')
  const child = spawn(process.execPath, [bin, ...args], { cwd: projectDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  live.add(child)
  let output = ''
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8')
    if (output.length > MAX_OUTPUT_CHARS) output = output.slice(output.length - MAX_OUTPUT_CHARS)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      append(Buffer.from(String(error)))
      resolve(null)
    })
    child.once('close', (code) => {
      live.delete(child)
      resolve(code)
    })
  })
  return { child, output: () => output, exited }
}

/** Stops a child's whole process group: SIGTERM, then SIGKILL after a grace period. */
export async function stopProcess(spawned: { child: ChildProcess; exited: Promise<unknown> }): Promise<void> {
  killGroup(spawned.child, 'SIGTERM')
  const timer = setTimeout(() => killGroup(spawned.child, 'SIGKILL'), KILL_GRACE_MS)
  await spawned.exited
  clearTimeout(timer)
  // Workers Next started may outlive the leader: make sure the group is gone.
  killGroup(spawned.child, 'SIGKILL')
}

/** What `next build` did. */
export interface BuildResult {
  ok: boolean
  exitCode: number | null
  output: string
  ms: number
}

/** Runs `next build` (extra args such as `--webpack`) and stops it after `timeoutMs`. */
export async function nextBuild(projectDir: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = BUILD_TIMEOUT_MS): Promise<BuildResult> {
  const started = Date.now()
  const spawned = spawnNext(projectDir, ['build', ...args], env)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    void stopProcess(spawned)
  }, timeoutMs)
  try {
    const exitCode = await spawned.exited
    if (timedOut) {
      throw new Error(`next build in ${projectDir} did not finish within ${timeoutMs / 1000} s and was stopped. Last output:\n${spawned.output().slice(-4000)}`)
    }
    return { ok: exitCode === 0, exitCode, output: spawned.output(), ms: Date.now() - started }
  } finally {
    clearTimeout(timer)
    await stopProcess(spawned)
  }
}

/** A running `next start`. */
export interface NextServer {
  origin: string
  port: number
  output: () => string
  stop: () => Promise<void>
}

/** Starts `next start -H 127.0.0.1 -p <free port>` and waits until it answers HTTP, or fails after `timeoutMs`. */
export async function nextStart(projectDir: string, env: NodeJS.ProcessEnv, timeoutMs = START_TIMEOUT_MS): Promise<NextServer> {
  const port = await freePort()
  const spawned = spawnNext(projectDir, ['start', '-H', '127.0.0.1', '-p', String(port)], env)
  const origin = `http://127.0.0.1:${port}`
  const server: NextServer = { origin, port, output: spawned.output, stop: () => stopProcess(spawned) }
  const deadline = Date.now() + timeoutMs
  let exited = false
  void spawned.exited.then(() => (exited = true))
  while (Date.now() < deadline && !exited) {
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) })
      return server
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
  }
  await server.stop()
  throw new Error(
    exited
      ? `next start exited before answering on ${origin}. Output:\n${spawned.output().slice(-4000)}`
      : `next start did not answer on ${origin} within ${timeoutMs / 1000} s and was stopped. Output:\n${spawned.output().slice(-4000)}`,
  )
}
