// A new user's first hour, run as the README's "Lint, test and check step by step" section writes it: imgmeta packed
// and installed into a fresh copy of examples/next-app/, the section's files written from its code blocks, its
// commands run in order (ESLint, vitest, imgmeta check, the fix, imgmeta update, imgmeta check). Offline: every
// dependency but imgmeta is linked from this repository's node_modules; imgmeta comes only from the tarball.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readPngHeader } from '../../src/png.js'
import { installPackedImgmeta, packImgmeta } from '../helpers/packed-imgmeta.js'
import { childEnv, makeTempDir, REPO, run, type ChildRun } from '../helpers/vitest-project.js'
import { timeoutOf } from '../helpers/timeouts.js'

const SECTION = '## Lint, test and check step by step'
const EXAMPLE_APP = path.join(REPO, 'examples/next-app')
/** What the example app lacks to be a project of its own: a package.json, as create-next-app writes it. */
const TEMPLATE = path.join(REPO, 'test/fixtures/user-journey')

/** One fenced block of the README section: the file named on the line before it (`name`:), if any. */
interface CodeBlock {
  file: string | undefined
  lang: string
  body: string
}

/** The README's section, from its heading to the next `## ` heading. */
function readmeSection(readme: string): string {
  const start = readme.indexOf(`\n${SECTION}\n`)
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`)
  const end = readme.indexOf('\n## ', start + SECTION.length + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

function codeBlocks(section: string): CodeBlock[] {
  const blocks: CodeBlock[] = []
  const fence = /```(\w*)\n([^]*?)```/g
  for (let match = fence.exec(section); match; match = fence.exec(section)) {
    const before = section.slice(0, match.index).trimEnd().split('\n').at(-1) ?? ''
    blocks.push({ file: /`([^`]+)`:$/.exec(before)?.[1], lang: match[1] ?? '', body: match[2] ?? '' })
  }
  return blocks
}

/** The `npm`/`npx` command lines of the section's shell blocks, in order. */
function commands(blocks: CodeBlock[]): string[] {
  return blocks
    .filter((block) => block.lang === 'sh')
    .flatMap((block) => block.body.split('\n'))
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
}

/** `path:line rule` of each problem in ESLint's default (stylish) output, paths relative to the project. */
function lintProblems(output: string, project: string): string[] {
  const problems: string[] = []
  let file = ''
  for (const line of output.split('\n')) {
    if (line.startsWith(project)) file = path.relative(project, line.trim()).split(path.sep).join('/')
    const problem = /^\s+(\d+):\d+\s+(?:error|warning)\s+.*\s(\S+)$/.exec(line)
    if (problem) problems.push(`${file}:${problem[1]} ${problem[2]}`)
  }
  return problems
}

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

let root: string
let project: string
let blocks: CodeBlock[]

/** Runs a README command in the project as a user's shell would (no CI variables, no colours). */
function npx(command: string): Promise<ChildRun> {
  const [program, ...args] = command.split(' ')
  return run(program!, args, { cwd: project, env: childEnv({ NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' }) })
}

const output = (result: ChildRun) => `${result.stdout}${result.stderr}`

beforeAll(async () => {
  blocks = codeBlocks(readmeSection(await readFile(path.join(REPO, 'README.md'), 'utf8')))
  root = await makeTempDir('imgmeta-journey-')
  const packed = await packImgmeta(root)
  project = path.join(root, 'example-shop')
  await cp(EXAMPLE_APP, project, { recursive: true })
  await cp(TEMPLATE, project, { recursive: true })
  for (const block of blocks) {
    if (!block.file) continue
    await mkdir(path.dirname(path.join(project, block.file)), { recursive: true })
    await writeFile(path.join(project, block.file), block.body)
  }
  await installPackedImgmeta(project, packed)
}, timeoutOf(1))

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('the README journey in a copy of examples/next-app', () => {
  test('the README gives the three files and the commands this journey runs', () => {
    expect(blocks.flatMap((block) => (block.file ? [block.file] : []))).toEqual([
      'eslint.config.js',
      'vitest.config.ts',
      'tests/image-routes.test.ts',
    ])
    expect(blocks.find((block) => block.file === 'eslint.config.js')?.body.trim().split('\n')).toHaveLength(3)
    expect(commands(blocks)).toEqual([
      'npm install --save-dev imgmeta vitest eslint-plugin-imgmeta',
      'npx eslint .',
      'npx vitest run',
      'npx imgmeta check',
      'npx imgmeta update',
      'npx imgmeta check',
    ])
  })

  test('npx eslint . reports the blog card’s mistake (the icon’s harmless id type is strict’s)', async () => {
    const eslint = await npx('npx eslint .')
    expect(lintProblems(eslint.stdout, project)).toEqual([
      'app/blog/opengraph-image.tsx:6 imgmeta/size-matches-output',
      'app/blog/opengraph-image.tsx:6 imgmeta/content-type-matches-output',
    ])
    expect(eslint.exitCode).toBe(1)
    expect(eslint.stderr).toBe('')
  })

  test('npx vitest run: both matchers pass and the snapshot is written beside the test', async () => {
    const vitest = await npx('npx vitest run')
    expect(vitest.exitCode, output(vitest)).toBe(0)
    expect(vitest.stdout).toMatch(/Tests +3 passed \(3\)/)
    expect(vitest.stdout).toMatch(/Snapshots +1 written/)
    // The published source maps carry their sources: vite has nothing to warn about.
    expect(output(vitest)).not.toContain('Sourcemap')
    expect(await filesUnder(path.join(project, 'tests/__image_snapshots__'))).toEqual([
      'image-routes-test-ts-image-routes-the-small-icon-looks-as-approved-1-snap.png',
    ])
  })

  test('the project type-checks, and every export’s types resolve for a NodeNext consumer', async () => {
    const consumer = path.join(project, 'nodenext')
    await mkdir(consumer)
    await writeFile(
      path.join(consumer, 'consumer.ts'),
      `import { parseImageRoute, type ImageRoute } from 'imgmeta'
import { ImageResponse, render } from 'imgmeta/og'
import { ImageSnapshotReporter, testImageRoutes } from 'imgmeta/matchers'
import 'imgmeta/vitest-setup'
import imgmeta, { type ImgmetaVitestOptions } from 'imgmeta/vitest'
import eslintPlugin from 'imgmeta/eslint-plugin'

const route: ImageRoute | null = parseImageRoute('app/icon.tsx')
const options: ImgmetaVitestOptions = { renderer: 'reference', obsoleteSnapshots: { removeObsolete: true } }
export const used = [route, ImageResponse, render, ImageSnapshotReporter, testImageRoutes, imgmeta(options), eslintPlugin.configs.recommended]
`,
    )
    const compilerOptions = { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }))
    const tsc = path.join(project, 'node_modules/typescript/bin/tsc')
    const [app, nodenext] = await Promise.all([
      run(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: project }),
      run(process.execPath, [tsc, '-p', consumer], { cwd: project }),
    ])
    expect(output(app)).toBe('')
    expect(output(nodenext)).toBe('')
  })

  test('npx imgmeta check exits with 1 and prints the blog card’s finding as the README shows it', async () => {
    const check = await npx('npx imgmeta check')
    expect(check.exitCode, output(check)).toBe(1)
    const shown = blocks.find((block) => block.lang === '' && block.body.startsWith('✗'))?.body ?? 'no output block'
    expect(check.stdout).toContain(shown)
    expect(check.stdout).toMatch(/Images +6 \(5 passed, 1 failed, 0 not covered\) in 3 routes/)
  })

  test('after the fix the README describes, npx imgmeta update and npx imgmeta check exit with 0', async () => {
    const file = path.join(project, 'app/blog/opengraph-image.tsx')
    const before = await readFile(file, 'utf8')
    const fixed = before
      .replace(`contentType: 'image/webp'`, `contentType: 'image/png'`)
      .replace(/(<\/div>\n\s*\),\n)(\s*)\)/, `$1$2  { width: 1024, height: 768 },\n$2)`)
    expect(fixed.split('\n').length).toBe(before.split('\n').length + 1)
    await writeFile(file, fixed)

    const update = await npx('npx imgmeta update')
    expect(update.exitCode, output(update)).toBe(0)
    expect(update.stdout).toMatch(/Snapshots +1 added, 0 updated, 5 unchanged, 0 failed/)
    const cover = await readFile(path.join(project, '__image_snapshots__/routes/blog/opengraph-image/cover.png'))
    expect(readPngHeader(cover)).toMatchObject({ width: 1024, height: 768 })

    const check = await npx('npx imgmeta check')
    expect(check.exitCode, output(check)).toBe(0)
    expect(check.stdout).toMatch(/Images +6 \(6 passed, 0 failed, 0 not covered\) in 3 routes/)
    expect(check.stdout).toMatch(/Snapshots +0 added, 0 updated, 6 unchanged, 0 failed/)
    expect(await filesUnder(path.join(project, '__image_snapshots__'))).toEqual([
      'routes/blog/opengraph-image/cover.png',
      'routes/icon/medium.png',
      'routes/icon/small.png',
      'routes/products/1/opengraph-image/100.png',
      'routes/products/1/opengraph-image/101.png',
      'routes/products/2/opengraph-image/200.png',
    ])
  })
})
