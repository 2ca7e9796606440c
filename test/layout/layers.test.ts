import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { importCircles, importEdges, layeredSourceFiles, upwardImports } from './import-graph.js'

const REPO = fileURLToPath(new URL('../../', import.meta.url))

const made: string[] = []
afterAll(async () => {
  await Promise.all(made.map((root) => rm(root, { recursive: true, force: true })))
})

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'imgmeta-layers-'))
  made.push(root)
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await writeFile(path.join(root, file), text)
  }
  return root
}

describe('the layout: src ← og ← next-runtime ← matchers ← cli, eslint-plugin → src', () => {
  const edges = importEdges(REPO)

  it('reads the sources of every layer', () => {
    const folders = new Set(layeredSourceFiles(REPO).map((file) => file.split('/')[0]))
    expect([...folders].sort()).toEqual(['cli', 'eslint-plugin', 'matchers', 'next-runtime', 'og', 'src'])
  })

  it('has no import that points up a layer', () => {
    expect(upwardImports(edges).map((edge) => `${edge.from} → ${edge.specifier}`)).toEqual([])
  })

  it('has no import circle', () => {
    expect(importCircles(edges)).toEqual([])
  })

  it('catches an import that points up, and one from the ESLint plugin to a layer other than src', async () => {
    const root = await tree({
      'src/route.ts': `import { check } from '../cli/check.js'\nexport const route = check`,
      'cli/check.ts': `export const check = 1`,
      'og/render.ts': `import type { Route } from '../src/route.js'\nexport const render = 1`,
      'eslint-plugin/rule.ts': `import { render } from '../og/render.js'\nimport '../src/route.js'`,
    })
    expect(upwardImports(importEdges(root)).map((edge) => `${edge.from} → ${edge.to}`)).toEqual([
      'src/route.ts → cli/check.ts',
      'eslint-plugin/rule.ts → og/render.ts',
    ])
  })

  it('catches a circle, type-only imports and `export … from` included', async () => {
    const root = await tree({
      'cli/program.ts': `import { run } from './commands/check.js'\nexport const program = run`,
      'cli/commands/check.ts': `import type { IO } from '../io.js'\nexport const run = 1`,
      'cli/io.ts': `export { program } from './program.js'\nexport type IO = 1`,
      'cli/alone.ts': `export const alone = 1`,
    })
    expect(importCircles(importEdges(root))).toEqual([['cli/commands/check.ts', 'cli/io.ts', 'cli/program.ts']])
  })
})
