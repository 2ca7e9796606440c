// Records, for every card of test/fixtures/og-corpus, imgmeta/og's render key and the SHA-256 of its pixels in
// test/golden/render-keys.json. test/og/render-key.test.ts holds later code to it: a render whose key is
// unchanged must give the same pixels, or a render stamp would pass an image that is no longer the snapshot's.
// Usage: npm run goldens:keys   (after bumping RASTER_PIPELINE in og/render-key.ts, or upgrading satori or resvg)
import { createHash } from 'node:crypto'
import { renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderPixels } from '../og/index.js'
import { renderKey } from '../og/render-key.js'
import { corpus, corpusOptions } from '../test/fixtures/og-corpus/index.js'

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'golden', 'render-keys.json')
const keys: Record<string, { key: string; pixels: string }> = {}
for (const item of corpus) {
  const { svg, width, height, pixels } = await renderPixels(item.element(), corpusOptions(item))
  keys[item.name] = { key: renderKey(svg, width, height), pixels: createHash('sha256').update(pixels).digest('hex') }
}
const temp = `${file}.${process.pid}.tmp`
writeFileSync(temp, `${JSON.stringify(keys, null, 2)}\n`)
renameSync(temp, file)
console.log(`wrote ${Object.keys(keys).length} render keys to ${path.relative(process.cwd(), file)}`)
