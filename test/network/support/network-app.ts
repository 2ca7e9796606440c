// Copies of the network fixture app for one test file, each with the blog route replaced by a route of the
// test's own, removed when the file's tests are done.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { copyFixture } from '../../cli/cli-helpers.js'

/** A factory of network-app copies whose only route is `app/<segment>/opengraph-image.tsx` holding `source`. */
export function networkAppWithRoute(segment: string, source: string): () => string {
  const created: string[] = []
  afterAll(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = copyFixture('network-app')
    created.push(dir)
    rmSync(path.join(dir, 'app/blog'), { recursive: true })
    mkdirSync(path.join(dir, 'app', segment), { recursive: true })
    writeFileSync(path.join(dir, 'app', segment, 'opengraph-image.tsx'), source)
    return dir
  }
}
