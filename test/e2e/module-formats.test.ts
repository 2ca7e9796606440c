// imgmeta loads and type-checks in the module setups users have: the packed package in a fresh project, loaded
// with require() (CommonJS configs, plugins that reload a config through require) and import, and its types
// under moduleResolution node10, node16/nodenext (an ES module and a CommonJS file) and bundler, with only the
// vitest plugin imported: the matchers must exist on `expect` through it.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { installPackedImgmeta, packImgmeta } from '../helpers/packed-imgmeta.js'
import { timeoutOf } from '../helpers/timeouts.js'
import { makeTempDir, run } from '../helpers/vitest-project.js'

/** A vitest file that configures nothing but the plugin and uses both matchers. */
const USES_PLUGIN_AND_MATCHERS = `import { expect, test } from 'vitest'
import imgmeta from 'imgmeta/vitest'
import { testImageRoutes } from 'imgmeta/matchers'

export const plugins = [imgmeta({ renderer: 'reference' })]
testImageRoutes('app')

test('both matchers exist on expect', async () => {
  await expect({}).toHaveValidImageMetadata({ file: 'app/icon.tsx', nextVersion: 15 })
  await expect(new Uint8Array()).toMatchImageSnapshot({ failureThreshold: 0.01 })
  // @ts-expect-error nextVersion is 14, 15 or 16
  await expect({}).toHaveValidImageMetadata({ nextVersion: 'latest' })
})
`

/** tsconfig for one module setup, type-checking `files`. */
function tsconfig(moduleResolution: string, module: string, files: string[]): string {
  return JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true, module, moduleResolution, types: [], ignoreDeprecations: '6.0' },
    files,
  })
}

let root: string
let project: string

beforeAll(async () => {
  root = await makeTempDir('imgmeta-formats-')
  const packed = await packImgmeta(root)
  project = path.join(root, 'project')
  await mkdir(project)
  // A CommonJS package, as most Next 14 and 15 apps are.
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'formats', private: true }))
  await writeFile(path.join(project, 'plain.ts'), USES_PLUGIN_AND_MATCHERS)
  await writeFile(path.join(project, 'module.mts'), USES_PLUGIN_AND_MATCHERS)
  await writeFile(path.join(project, 'common.cts'), USES_PLUGIN_AND_MATCHERS)
  await installPackedImgmeta(project, packed)
}, timeoutOf(1.5))

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('imgmeta in every module setup', () => {
  test('require() of each entry gives the same exports as import, with no warning', async () => {
    const script = `
      const entries = ['imgmeta', 'imgmeta/og', 'imgmeta/matchers', 'imgmeta/vitest']
      const required = entries.map((entry) => Object.keys(require(entry)).filter((key) => key !== '__esModule' && key !== 'module.exports').sort())
      Promise.all(entries.map((entry) => import(entry))).then((imported) => {
        const same = imported.map((mod, i) => JSON.stringify(Object.keys(mod).sort()) === JSON.stringify(required[i]))
        console.log(JSON.stringify({ same, plugin: typeof require('imgmeta/vitest').default, counts: required.map((keys) => keys.length) }))
      })`
    const result = await run(process.execPath, ['-e', script], { cwd: project })
    expect(result.stderr).toBe('')
    const { same, plugin, counts } = JSON.parse(result.stdout) as { same: boolean[]; plugin: string; counts: number[] }
    expect(same).toEqual([true, true, true, true])
    expect(plugin).toBe('function')
    for (const count of counts) expect(count).toBeGreaterThan(1)
  })

  test.each([
    ['node10', 'commonjs', ['plain.ts']],
    ['bundler', 'esnext', ['plain.ts']],
    ['node16', 'node16', ['module.mts', 'common.cts']],
    ['nodenext', 'nodenext', ['module.mts', 'common.cts']],
  ])('types under moduleResolution %s (module %s): the plugin alone brings both matchers', async (moduleResolution, module, files) => {
    const config = path.join(project, `tsconfig.${moduleResolution}.json`)
    await writeFile(config, tsconfig(moduleResolution, module, files))
    const tsc = await run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: project })
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.exitCode).toBe(0)
  })
})
