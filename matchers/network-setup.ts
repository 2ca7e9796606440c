// Setup file the `imgmeta/vitest` plugin adds when its `network` option is set: installs the network layer in
// each test worker before any test file loads, and fails a test during which the layer failed a request (no
// recording, a response too large), naming the request, even when the code under test caught the failed fetch.
import { afterEach, beforeEach, expect, inject } from 'vitest'
import { installNetwork } from '../next-runtime/network/intercept.js'
import { networkProblemError, takeNetworkProblems } from '../next-runtime/network/network-problems.js'
import type { NetworkSettings } from '../next-runtime/network/network-settings.js'

declare module 'vitest' {
  export interface ProvidedContext {
    imgmetaNetwork: NetworkSettings | undefined
  }
}

const settings = inject('imgmetaNetwork')
if (settings) {
  installNetwork(settings)
  beforeEach(() => {
    // What happened while test files loaded belongs to no test.
    takeNetworkProblems()
  })
  afterEach(() => {
    const error = networkProblemError(expect.getState().currentTestName ?? 'test')
    if (error) throw error
  })
}
