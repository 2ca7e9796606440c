import { ImgmetaError } from '../../src/errors.js'
import type { ProgramIO } from '../program-io.js'
import { startPreviewServer } from '../preview/server.js'
import { resolveRunOptions, usageError, type RawRunFlags } from '../run-options.js'

/** Ports a user may pass; 0 asks the system for a free one. */
const MAX_PORT = 65_535

/** `imgmeta preview`: serves the gallery until SIGINT/SIGTERM, then closes the server and vite cleanly. */
export async function runPreviewCommand(
  appDir: string | undefined,
  flags: RawRunFlags & { port: string },
  io: ProgramIO,
): Promise<number> {
  let server
  try {
    const port = Number(flags.port)
    if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
      throw usageError(`--port must be an integer from 0 to ${MAX_PORT} (got "${flags.port}").`)
    }
    const options = await resolveRunOptions(appDir, flags, { update: false })
    server = await startPreviewServer({ ...options, port })
  } catch (error) {
    if (error instanceof ImgmetaError) {
      io.stderr(`imgmeta: ${error.message}\n`)
      return 2
    }
    throw error
  }
  io.stdout(`imgmeta preview: ${server.url} (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await server.close()
  io.stdout('imgmeta preview: stopped\n')
  return 0
}
