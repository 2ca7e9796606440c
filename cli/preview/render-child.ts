// The preview's render process: it hosts vite's module environment (the same plugin and settings as `imgmeta
// check`), loads the routes and renders the gallery. User code runs here, never in the process that serves the
// page, so a route that blocks its thread (a synchronous loop) is stopped by killing this process at the hard
// deadline (next-runtime/hard-deadline.ts) while the server keeps answering; the server then starts a new one.
import { underHardDeadline } from '../../next-runtime/hard-deadline.js'
import { nameFetchFailures } from '../../next-runtime/fetch-failures.js'
import { installNetwork } from '../../next-runtime/network/intercept.js'
import { projectConfigFile } from '../../next-runtime/project-config.js'
import { hardDeadlineMs } from '../../src/deadline.js'
import { ImgmetaError } from '../../src/errors.js'
import type { TimedOutStep } from '../timed-out-step.js'
import { imgmetaViteSettings } from '../vite-settings.js'
import { buildGallery } from './gallery.js'
import { previewViteLogger } from './vite-logger.js'
import { previewSetupMocks } from './setup-mocks.js'
import { enterNextServerProcess, runSetupFiles } from './project-process.js'
import { sameStep, type ChildMessage, type ParentMessage, type RendererInit } from './render-protocol.js'

function send(message: ChildMessage): void {
  process.send!(message)
}

async function start(init: RendererInit): Promise<void> {
  // The process environment of `next start` (the project's .env files, NODE_ENV, NEXT_RUNTIME, its root as
  // working directory), as `imgmeta check` gives its workers; set before vite reads the config.
  enterNextServerProcess(init.root)
  // A failed fetch names its URL, as under `imgmeta check`.
  nameFetchFailures()
  // Recordings replayed, `public/` served for the site's own origin: before any route module loads.
  installNetwork(init.network)
  const { createServer } = await import('vite')
  const vite = await createServer({
    root: init.root,
    // The project's own vitest.config.* or vite.config.*, found as `imgmeta check` finds it.
    configFile: projectConfigFile(init.root) ?? false,
    appType: 'custom',
    logLevel: 'error',
    customLogger: await previewViteLogger(),
    // `ws: false`: vite's HMR WebSocket would otherwise listen on every interface (port 24678), whatever `hmr` says.
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    // The setup files' vi.mock stand-ins apply here as under `imgmeta check` (setup-mocks.ts).
    plugins: [previewSetupMocks(), ...imgmetaViteSettings(init.renderer).plugins],
  })
  const load = (file: string) => vite.ssrLoadModule(file)
  const deadlineMs = hardDeadlineMs(init.timeoutMs)
  // The project's test.setupFiles run before any route, as they do under `imgmeta check`; bounded like a route.
  const setupErrors = await underHardDeadline(
    init.deadlineLog,
    deadlineMs,
    { file: projectConfigFile(init.root), route: '(setup files)', step: 'running the setup files' },
    () => runSetupFiles(vite, init.root),
  )
  const step = <T>(what: TimedOutStep, work: () => Promise<T>): Promise<T> =>
    underHardDeadline(init.deadlineLog, deadlineMs, what as Record<string, unknown>, work)

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'close') {
      void vite.close().finally(() => process.exit(0))
      return
    }
    if (message.type !== 'build') return
    invalidateAll(vite)
    buildGallery({
      root: init.root,
      appDir: init.appDir,
      load,
      params: init.params,
      metadataBase: init.metadataBase,
      nextVersion: init.nextVersion,
      timeoutMs: init.timeoutMs,
      step,
      timedOut: (what) => message.timedOut.find((killed) => sameStep(killed.what, what))?.message,
    }).then(
      (gallery) => {
        gallery.errors.unshift(...setupErrors)
        send({ type: 'gallery', gallery })
      },
      (error: unknown) => send({ type: 'build-failed', message: (error as Error).message }),
    )
  })
  send({ type: 'ready' })
}

function invalidateAll(vite: import('vite').ViteDevServer): void {
  const environments = (vite as { environments?: Record<string, { moduleGraph?: { invalidateAll(): void } }> }).environments
  if (environments) for (const env of Object.values(environments)) env.moduleGraph?.invalidateAll()
  else vite.moduleGraph.invalidateAll()
}

// The server's process going away (closed, crashed, killed) ends this one too.
process.on('disconnect', () => process.exit(0))
process.once('message', (message: ParentMessage) => {
  if (message.type !== 'init') return
  start(message.init).catch((error: unknown) => {
    send({ type: 'init-failed', message: (error as Error).message, ...(error instanceof ImgmetaError && { code: error.code }) })
  })
})
