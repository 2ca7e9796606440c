// The messages between the preview server and its render process (cli/preview/render-child.ts).
import type { NextMajor } from '../../src/next-version.js'
import type { Params } from '../../src/route.js'
import type { NetworkSettings } from '../../next-runtime/network/network-settings.js'
import type { RendererChoice } from '../config.js'
import type { TimedOutStep } from '../timed-out-step.js'
import type { Gallery } from './gallery.js'

/** What the render process needs to host the project's modules and render its gallery (plain data). */
export interface RendererInit {
  root: string
  appDir: string
  renderer: RendererChoice
  /** Params from the config, keyed by absolute route file. */
  params: Record<string, Params[]>
  metadataBase: string | undefined
  nextVersion: NextMajor
  timeoutMs: number
  network: NetworkSettings
  /** Where the process logs the step it was killed for (next-runtime/hard-deadline.ts). */
  deadlineLog: string
}

/** A step an earlier render process was killed in, and its finding. */
export interface KilledStep {
  what: TimedOutStep
  message: string
}

/** Server → render process. */
export type ParentMessage = { type: 'init'; init: RendererInit } | { type: 'build'; timedOut: KilledStep[] } | { type: 'close' }

/** Render process → server. */
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'init-failed'; message: string; code?: string }
  | { type: 'gallery'; gallery: Gallery }
  | { type: 'build-failed'; message: string }

/** True when two steps are the same: route file, step, params and id (as JSON, which the deadline log holds). */
export function sameStep(a: TimedOutStep, b: TimedOutStep): boolean {
  return a.file === b.file && a.step === b.step && JSON.stringify(a.params) === JSON.stringify(b.params) && JSON.stringify(a.id) === JSON.stringify(b.id)
}
