// undici's API and dispatchers in the process that runs routes: answered by the network layer like fetch, a
// dispatcher of an undici copy imgmeta does not know is noted when it opens a socket while replaying, and
// recording sends each request once.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Agent, fetch as undiciFetch, request } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { installNetwork, uninstallNetwork } from '../../next-runtime/network/intercept.js'
import { takeNetworkProblems } from '../../next-runtime/network/network-problems.js'
import type { NetworkMode, NetworkSettings } from '../../next-runtime/network/network-settings.js'
import { REPO } from '../cli/cli-helpers.js'

let server: http.Server
let origin = ''
const served: string[] = []
const scratchInRepo = mkdtempSync(path.join(REPO, '.tmp', 'undici-dispatch-'))
const scratchOutside = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-undici-dispatch-'))

beforeAll(async () => {
  server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      served.push(`${incoming.method} ${incoming.url} ${Buffer.concat(chunks).toString()}`.trim())
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end(`answer to ${incoming.url}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(scratchInRepo, { recursive: true, force: true })
  rmSync(scratchOutside, { recursive: true, force: true })
})
afterEach(() => {
  uninstallNetwork()
  takeNetworkProblems()
})

/** A project folder declaring undici: inside the repository it resolves to the one imported here; outside, to none. */
function settings(mode: NetworkMode, where: 'project' | 'elsewhere'): NetworkSettings {
  const root = mkdtempSync(path.join(where === 'project' ? scratchInRepo : scratchOutside, 'p-'))
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', dependencies: { undici: '7.30.3' } }))
  const dir = path.join(root, '__image_snapshots__/network')
  return { mode, root, dir, harFile: 'routes.har', logDir: path.join(root, 'log'), deny: [], live: [], siteOrigins: [] }
}

describe('undici through the network layer', () => {
  test('replaying, request(), undici fetch and a custom Agent of the project’s undici are not sent; each is noted', async () => {
    installNetwork(settings('replay', 'project'))
    const before = served.length
    await expect(request(`${origin}/request`)).rejects.toThrow(/has no recording/)
    await expect(undiciFetch(`${origin}/fetch`)).rejects.toThrow()
    await expect(request(`${origin}/agent`, { dispatcher: new Agent() })).rejects.toThrow(/has no recording/)
    expect(served.length).toBe(before)
    expect(takeNetworkProblems().map((p) => p.request)).toEqual([`GET ${origin}/request`, `GET ${origin}/fetch`, `GET ${origin}/agent`])
  })

  test('recording sends each request through a custom Agent once, body included, and answers it', async () => {
    const recording = settings('record', 'project')
    installNetwork(recording)
    const answer = await request(`${origin}/posts`, { method: 'POST', body: '{"slug":"hello"}', dispatcher: new Agent() })
    expect(await answer.body.text()).toBe('answer to /posts')
    expect(served.filter((line) => line.startsWith('POST /posts'))).toEqual(['POST /posts {"slug":"hello"}'])
    expect(takeNetworkProblems()).toEqual([])
  })

  test('replaying, a dispatcher of an undici copy outside the project is noted when it opens a socket', async () => {
    // A second copy of the package, as a dependency may bundle its own: imgmeta does not know its classes.
    const copy = path.join(scratchOutside, 'vendor/node_modules/undici')
    cpSync(path.join(REPO, 'node_modules/undici'), copy, { recursive: true })
    const other = createRequire(path.join(scratchOutside, 'vendor/index.js'))('undici') as typeof import('undici')
    expect(other.Agent).not.toBe(Agent)
    installNetwork(settings('replay', 'elsewhere'))
    const answer = await other.request(`${origin}/stray`, { dispatcher: new other.Agent() })
    await answer.body.text()
    expect(takeNetworkProblems()).toEqual([
      expect.objectContaining({ request: `connect ${origin}`, message: expect.stringContaining('opened while replaying, around imgmeta') }),
    ])
  })

  test('without the layer, undici sends as before', async () => {
    installNetwork(settings('replay', 'project'))
    uninstallNetwork()
    const answer = await request(`${origin}/after`, { dispatcher: new Agent() })
    expect(await answer.body.text()).toBe('answer to /after')
    expect(await (await undiciFetch(`${origin}/after-fetch`)).text()).toBe('answer to /after-fetch')
  })
})
