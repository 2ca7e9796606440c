// No rule may throw, whatever it is given: every source file of the project and its fixtures, read as its own
// path and as an image route, and generated odd inputs, under every Next version.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import tsParser from '@typescript-eslint/parser'
import { Linter } from 'eslint'
import { describe, expect, test } from 'vitest'
import imgmeta from '../../eslint-plugin/index.js'
import { ROOT } from './rule-tester.js'
import { timeoutOf } from '../helpers/timeouts.js'

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mts', '.mjs', '.cts', '.cjs'])
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', '.next', 'coverage', '.tmp'])
/** Files larger than this are generated bundles, not sources. */
const MAX_SOURCE_BYTES = 512 * 1024

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) out.push(...sourceFiles(path.join(dir, entry.name)))
    } else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) {
      out.push(path.join(dir, entry.name))
    }
  }
  return out
}

const allRules = Object.fromEntries(Object.keys(imgmeta.rules).map((rule) => [`imgmeta/${rule}`, 'error' as const]))

function linterConfig(nextVersion: number): Linter.Config[] {
  return [
    {
      // A bare `**/*` does not make ESLint lint .ts/.tsx files: name the extensions.
      files: ['**/*.{ts,tsx,js,jsx,mts,mjs,cts,cjs}'],
      plugins: { imgmeta: imgmeta as never },
      languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
      settings: { imgmeta: { nextVersion } },
      rules: allRules,
    },
  ]
}

const linter = new Linter({ cwd: ROOT })
const configs = [14, 15, 16].map(linterConfig)

/**
 * Lints the text under each version; a rule that throws makes `verify` throw with the rule's name. Returns the
 * messages, so that a test can tell a parse failure (the rules never ran) from a clean run.
 */
function verifyEverywhere(text: string, filename: string): Linter.LintMessage[] {
  const messages: Linter.LintMessage[] = []
  for (const config of configs) messages.push(...linter.verify(text, config, filename))
  return messages
}

function fatal(messages: Linter.LintMessage[]): string[] {
  return messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${m.line}:${m.column} ${m.message}`)
}

/** Odd inputs that are not valid in every dialect: JSX is not TypeScript in .ts, types are not JavaScript. */
const PARSES_ONLY_AS: Record<string, readonly string[]> = {
  'odd ImageResponse calls': ['.tsx', '.jsx', '.js'],
}

/** The names a file is linted under: its own, and image routes of every kind with the same extension. */
function routeNames(extension: string): string[] {
  return [
    `app/shop/[slug]/icon${extension}`,
    `app/(group)/@slot/[...rest]/opengraph-image2${extension}`,
    `src/app/[[...all]]/twitter-image${extension}`,
    `app/page${extension}`,
  ]
}

const ODD_INPUTS: Record<string, string> = {
  empty: '',
  whitespace: '\n\n  \t\n',
  semicolons: ';;;',
  'export star': `export * from './meta'\nexport * as ns from './ns'`,
  'computed keys': `const k = 'id'\nexport function generateImageMetadata() { return [{ [k]: 1, ['id']: 2, [\`size\`]: { [k]: 3 } }] }\nexport default function ({ [k]: x, ...rest }) { return x }`,
  'default export forms': `export default class {}\n`,
  'default literal': `export default 42`,
  'default self': `export default generateImageMetadata\nfunction generateImageMetadata() { return generateImageMetadata() }`,
  'alias cycle': `const a = b\nconst b = a\nexport { a as default, b as generateImageMetadata }`,
  'item cycle': `export function generateImageMetadata() { const items = [...items, items]; return items }`,
  're-exports': `export { default, generateImageMetadata } from './x'\nexport { size as 'size', alt } from './y'`,
  'string export names': `const g = () => [{ id: 'a' }, { id: 'a' }]\nexport { g as 'generateImageMetadata' }`,
  'destructured exports': `export const { generateImageMetadata, size } = load()\nexport let contentType = 'image/jpeg'`,
  overloads: `export function generateImageMetadata(): { id: string }[]\nexport function generateImageMetadata() { return [{ id: 'a' }] }`,
  'declare only': `export declare function generateImageMetadata(): unknown[]\nexport default function Image(p: any): any`,
  generators: `export async function* generateImageMetadata() { yield [{}] }\nexport default function* () { return new ImageResponse() }`,
  'odd ImageResponse calls': `import { ImageResponse } from 'next/og'\nconst o = [{}, { width: 1 }]\nexport const size = { width: 1, height: 2 }\nexport const contentType = 'image/jpeg'\nexport default function () { if (x) return new ImageResponse(); return new ImageResponse(<div />, ...o) }`,
  'odd params types': `export default function Image({ params, id }: { params: Promise<{ [k: string]: string }>, id: Promise<Promise<string>>, ['x']: 1 }) {}\nexport function generateImageMetadata({ params }: { params: { a?: string[] | undefined | null, b: [string], c: readonly (string)[] } }) { return [] }`,
  'params identifiers': `export default function Image(props, ...rest) { props[props.key]; const { a = props.b } = props; return props?.name }`,
  'deep nesting': `export function generateImageMetadata() { return ${'['.repeat(200)}{}${']'.repeat(200)} }`,
  'long conditional chain': `export function generateImageMetadata(x) { return ${Array.from({ length: 300 }, (_, i) => `x === ${i} ? [{ id: ${i} }] :`).join(' ')} [] }`,
  'syntax heavy': [
    `import type { X } from './x'`,
    `enum E { A = 1 }`,
    `namespace N { export const v = 1 }`,
    `abstract class C<T extends object = {}> { abstract m(): T; #p = 1; static { } }`,
    `type T = { [K in keyof X as \`get\${string & K}\`]?: X[K] extends infer U ? U : never }`,
    `export const generateImageMetadata = async <T,>({ params }: { params: T }): Promise<unknown[]> => [{ id: \`a\${1}\` }, { id: -1 }, { id: -1 }]`,
    `label: for (const a of []) { switch (a) { case 1: break label; default: continue } }`,
    `export default async function Image({ params }: Parameters<typeof generateImageMetadata>[0]) { try { return await fetch('x') } catch { return null } finally { } }`,
    `using res = open()`,
    `export = 1`,
  ].join('\n'),
  commonjs: `module.exports = { generateImageMetadata() { return [{}] } }\nexports.default = () => null`,
}

describe('no rule throws', () => {
  const files = [...sourceFiles(ROOT)].filter((file) => readFileSync(file).length <= MAX_SOURCE_BYTES)

  test('the project has sources and fixtures to lint', () => {
    expect(files.length).toBeGreaterThan(20)
    expect(files.some((f) => f.includes(`${path.sep}fixtures${path.sep}`))).toBe(true)
  })

  test.each(Object.entries(ODD_INPUTS))('odd input: %s', (name, text) => {
    for (const extension of PARSES_ONLY_AS[name] ?? ['.ts', '.tsx', '.js', '.jsx']) {
      for (const filename of routeNames(extension)) {
        let messages: Linter.LintMessage[] = []
        expect(() => (messages = verifyEverywhere(text, filename)), filename).not.toThrow()
        // Guards the test itself: an input that does not parse never reaches the rules.
        expect(fatal(messages), filename).toEqual([])
      }
    }
  })

  test('every source file of the project and its fixtures, as itself and as an image route', () => {
    const unparsed: string[] = []
    let reports = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const extension = path.extname(file)
      // Each reading under one version (rotating) keeps this at five lints a file; odd inputs get all three.
      for (const [index, name] of [file, ...routeNames(extension)].entries()) {
        const config = configs[index % configs.length]!
        let messages: Linter.LintMessage[] = []
        expect(() => (messages = linter.verify(text, config, name)), `${path.relative(ROOT, file)} as ${name}`).not.toThrow()
        if (fatal(messages).length > 0) unparsed.push(`${path.relative(ROOT, file)}: ${fatal(messages)[0]}`)
        reports += messages.length
      }
    }
    // The project's own sources all reach the rules; a fixture may be broken on purpose, but nearly all parse.
    expect(unparsed.filter((u) => !u.startsWith(`test${path.sep}fixtures${path.sep}`))).toEqual([])
    expect(unparsed.length).toBeLessThan(files.length * 5 * 0.05)
    // And the rules did find things to say about the image-route readings.
    expect(reports).toBeGreaterThan(0)
  }, timeoutOf(2))
})
