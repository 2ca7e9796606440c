// The preview server's side of its render process: starts it, asks it for the gallery, and when the process is
// killed at a hard deadline (a route blocked its thread), reports that step as timed out and starts a new process
// that renders the rest without running that step again.
import { fork, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readHardDeadlineLog } from '../../next-runtime/hard-deadline.js'
import { ImgmetaError } from '../../src/errors.js'
import { timedOutMessage, type TimedOutStep } from '../timed-out-step.js'
import type { Gallery } from './gallery.js'
import type { ChildMessage, KilledStep, ParentMessage, RendererInit } from './render-protocol.js'

const CHILD_MODULE = fileURLToPath(new URL('./render-child.js', import.meta.url))

/** How long a closing render process may take to close vite before it is killed. */
const CLOSE_GRACE_MS = 2_000

/** The preview's render process, restarted after each kill. */
export interface Renderer {
  /** Renders the gallery afresh (modules reloaded); steps that block their thread come back as timed out. */
  build(): Promise<Gallery>
  close(): Promise<void>
}

/** Starts the render process and waits until it has loaded the project's config and setup files. */
export async function startRenderer(init: RendererInit): Promise<Renderer> {
  let child: ChildProcess | undefined = await spawnRenderer(init)
  let closed = false

  const build = async (): Promise<Gallery> => {
    const timedOut: KilledStep[] = []
    for (;;) {
      if (closed) throw new Error('the preview was closed')
      // A process that went away while idle (its parent's signal, a crash) is replaced.
      if (child && (child.exitCode !== null || child.signalCode !== null)) child = undefined
      child ??= await spawnRenderer(init)
      const running = child
      const answer = await request(running, { type: 'build', timedOut })
      if (answer.type === 'gallery') return answer.gallery
      if (answer.type === 'build-failed') throw new Error(answer.message)
      // The process is gone: killed at a hard deadline (its log names the step), or it crashed.
      child = undefined
      const killed = readHardDeadlineLog(init.deadlineLog)
      rmSync(init.deadlineLog, { force: true })
      if (closed) throw new Error('the preview was closed')
      if (killed.length === 0) {
        throw new ImgmetaError('render-process-exited', `the render process exited (${answer.type === 'exit' ? answer.reason : answer.type}) while rendering the gallery; the next file change starts a new one.`)
      }
      for (const record of killed) {
        const what = record.what as TimedOutStep
        timedOut.push({ what, message: timedOutMessage(what, init.root, init.timeoutMs, record.ms) })
      }
    }
  }

  return {
    build,
    async close() {
      closed = true
      const running = child
      child = undefined
      if (!running || running.exitCode !== null || running.signalCode !== null) return
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
      running.send({ type: 'close' } satisfies ParentMessage)
      // A process stuck in a route's loop never reads the message: it is killed rather than waited for.
      const stuck = setTimeout(() => running.kill('SIGKILL'), CLOSE_GRACE_MS)
      await exited
      clearTimeout(stuck)
    },
  }
}

/** Forks the render process (with this process's loader flags, so it runs from source too) and initialises it. */
async function spawnRenderer(init: RendererInit): Promise<ChildProcess> {
  const child = fork(childModule(), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  // A message to a process that just died fails with an 'error' event; its 'exit' is what the callers handle.
  child.on('error', () => {})
  const answer = await request(child, { type: 'init', init })
  if (answer.type === 'ready') return child
  if (answer.type === 'init-failed') {
    child.kill()
    throw new ImgmetaError(answer.code ?? 'config-failed', answer.message)
  }
  // Killed at the hard deadline while a setup file ran (a loop at its top level): named as such.
  const killed = readHardDeadlineLog(init.deadlineLog)
  rmSync(init.deadlineLog, { force: true })
  if (killed[0]) throw new ImgmetaError('timeout', timedOutMessage(killed[0].what as TimedOutStep, init.root, init.timeoutMs, killed[0].ms))
  throw new ImgmetaError('render-process-exited', `the render process exited (${answer.type === 'exit' ? answer.reason : answer.type}) while it loaded the project's vite config.`)
}

/** Sends a message and resolves with the answer, or with how the process ended when it ends first. */
function request(child: ChildProcess, message: ParentMessage): Promise<ChildMessage | { type: 'exit'; reason: string }> {
  return new Promise((resolve) => {
    const onMessage = (answer: ChildMessage) => {
      child.off('exit', onExit)
      resolve(answer)
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      child.off('message', onMessage)
      resolve({ type: 'exit', reason: signal ? `signal ${signal}` : `exit code ${code}` })
    }
    child.once('message', onMessage)
    child.once('exit', onExit)
    child.send(message)
  })
}

function childModule(): string {
  // Running from source (tsx), the module is a .ts file beside this one.
  return import.meta.url.endsWith('.ts') ? CHILD_MODULE.replace(/\.js$/, '.ts') : CHILD_MODULE
}
