// `eslint --fix` with the strict config on a copy of the example app (plus routes with fixable mistakes): the
// fixes apply, leave only findings without a fix, introduce none, and the result passes tsc.
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import imgmeta from '../../eslint-plugin/index.js'
import { problemLines } from './fixture-app.js'
import { ROOT } from './rule-tester.js'

const EXAMPLE_APP = path.join(ROOT, 'examples/next-app')
const FIXABLE = path.join(ROOT, 'test/fixtures/eslint/fixable')
/** Under the repository, so that `next/og` and `react` resolve from its node_modules. */
const TMP_ROOT = path.join(ROOT, '.tmp')

const strict = (): ESLint.Options => ({
  overrideConfigFile: true,
  overrideConfig: [imgmeta.configs.strict, { settings: { imgmeta: { nextVersion: 16 } } }],
})

describe('eslint --fix on the example app', () => {
  let app: string
  beforeAll(() => {
    mkdirSync(TMP_ROOT, { recursive: true })
    app = mkdtempSync(path.join(TMP_ROOT, 'fix-'))
    cpSync(EXAMPLE_APP, app, { recursive: true, filter: (source) => !source.includes(`${path.sep}.next`) })
    cpSync(FIXABLE, app, { recursive: true })
  })
  afterAll(() => rmSync(app, { recursive: true, force: true }))

  test('applies the fixes and leaves only findings that have none', async () => {
    const before = problemLines(await new ESLint({ cwd: app, ...strict() }).lintFiles(['.']), app)
    const fixed = await new ESLint({ cwd: app, fix: true, ...strict() }).lintFiles(['.'])
    await ESLint.outputFixes(fixed)
    const after = await new ESLint({ cwd: app, ...strict() }).lintFiles(['.'])
    // Nothing new, nothing fixable left.
    expect(problemLines(after, app).every((line) => before.includes(line))).toBe(true)
    expect(after.flatMap((r) => r.messages.filter((m) => m.fix !== undefined))).toEqual([])
    expect(problemLines(after, app)).toEqual([
      // The demo's deliberate size mistake: either side may be wrong, so it is only a suggestion.
      'app/blog/opengraph-image.tsx:6 imgmeta/size-matches-output',
      // `Promise<string | number>` is only reported by strict, and a number type is not rewritten.
      'app/icon.tsx:16 imgmeta/id-type',
    ])
    const route = readFileSync(path.join(app, 'app/posts/[slug]/opengraph-image.tsx'), 'utf8')
    expect(route).toContain('export default async function Image({ params, id }: { params: Promise<{ slug: string }>; id: Promise<string> })')
    expect(route).toContain('(await params).slug.replace')
    expect(route).not.toContain('export const contentType')
    expect(readFileSync(path.join(app, 'app/logo/icon.tsx'), 'utf8')).toContain(`export const contentType = 'image/png'`)
    expect(readFileSync(path.join(app, 'app/blog/opengraph-image.tsx'), 'utf8')).toContain(`contentType: 'image/png'`)
  })

  test('the fixed app passes tsc', async () => {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc')
    await expect(promisify(execFile)(process.execPath, [tsc, '-p', path.join(app, 'tsconfig.json'), '--noEmit'])).resolves.toBeDefined()
  })
})
