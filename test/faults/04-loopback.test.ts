// Item 4: `imgmeta preview` served on 127.0.0.1, but vite's HMR WebSocket listened on *:24678.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { BIN, faultProject, REPO } from './fault-project.js'
import { listeningSockets } from './listening-sockets.js'
import { childProcesses } from './preview-process.js'

const TSX_LOADER = path.join(REPO, 'node_modules/tsx/dist/esm/index.mjs')

/** Starts `imgmeta preview --port 0` in `dir` and resolves with the process and the port it printed. */
function startPreview(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, BIN, 'preview', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /imgmeta preview: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)
      if (match) resolve({ child, port: Number(match[1]) })
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)))
  })
}

describe('4. preview is loopback-only', () => {
  test.runIf(process.platform === 'linux')('4. preview listens on its 127.0.0.1 port and nothing else, its render process on nothing; two previews run side by side', async () => {
    const first = await startPreview(faultProject())
    const second = await startPreview(faultProject()).catch((error: unknown) => {
      first.child.kill('SIGINT')
      throw error
    })
    try {
      for (const { child, port } of [first, second]) {
        expect(listeningSockets(child.pid!)).toEqual([{ address: '127.0.0.1', port }])
        // The process that loads and renders the routes (vite's module environment) listens on nothing at all.
        const renderers = childProcesses(child.pid!, 'render-child')
        expect(renderers).toHaveLength(1)
        expect(listeningSockets(renderers[0]!)).toEqual([])
      }
      expect(first.port).not.toBe(second.port)
    } finally {
      first.child.kill('SIGINT')
      second.child.kill('SIGINT')
    }
  })
})
