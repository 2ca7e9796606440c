// network.live and network.deny, in the process that runs routes: a live host is sent for real even while
// replaying and is never recorded; a denied host is never sent, and its failure is the route's to handle.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { installNetwork, uninstallNetwork } from '../../next-runtime/network/intercept.js'
import { takeNetworkProblems } from '../../next-runtime/network/network-problems.js'
import type { NetworkSettings } from '../../next-runtime/network/network-settings.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-host-rules-'))
let server: http.Server
let port = 0
const served: string[] = []

beforeAll(async () => {
  server = http.createServer((request, response) => {
    served.push(`${request.method} ${request.url}`)
    response.writeHead(200, { 'content-type': 'text/plain' })
    response.end('live answer')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(scratch, { recursive: true, force: true })
})
afterEach(() => {
  uninstallNetwork()
  takeNetworkProblems()
})

function settings(rules: { live?: string[]; deny?: string[] }): NetworkSettings {
  const root = mkdtempSync(path.join(scratch, 'project-'))
  return {
    mode: 'replay',
    root,
    dir: path.join(root, '__image_snapshots__/network'),
    harFile: 'routes.har',
    logDir: path.join(root, 'log'),
    deny: rules.deny ?? [],
    live: rules.live ?? [],
    siteOrigins: [],
  }
}

describe('per-host network rules', () => {
  test('a live host is sent for real while replaying, and nothing is recorded or logged for it', async () => {
    const rules = settings({ live: ['127.0.0.1'] })
    installNetwork(rules)
    const answer = await fetch(`http://127.0.0.1:${port}/staging/post`)
    expect(await answer.text()).toBe('live answer')
    expect(served).toContain('GET /staging/post')
    expect(existsSync(rules.dir)).toBe(false)
    expect(existsSync(rules.logDir)).toBe(false)
    expect(takeNetworkProblems()).toEqual([])
  })

  test('a denied host is never sent; the request fails and the image is not failed for it', async () => {
    installNetwork(settings({ deny: ['*.imgmeta.test', '127.0.0.1'] }))
    const before = served.length
    await expect(fetch(`http://127.0.0.1:${port}/collect`, { method: 'POST', body: 'x' })).rejects.toThrow()
    await expect(fetch('https://analytics.imgmeta.test/collect')).rejects.toThrow()
    expect(served.length).toBe(before)
    expect(takeNetworkProblems()).toEqual([])
  })

  test('replaying, a host neither live nor recorded is not sent and the request is noted for the image test', async () => {
    installNetwork(settings({}))
    const before = served.length
    await expect(fetch(`http://127.0.0.1:${port}/unrecorded?q=1`)).rejects.toThrow()
    expect(served.length).toBe(before)
    expect(takeNetworkProblems().map((p) => p.request)).toEqual([`GET http://127.0.0.1:${port}/unrecorded?q=1`])
  })
})
