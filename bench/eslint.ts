// Question: how much time does imgmeta's recommended ESLint config add to linting a Next app?
// Anchor: the same app, same parser and typescript-eslint's recommended rules, without imgmeta; measured in
// the same run, rotating the order, median of the repeats. ESLint lints in this one thread, so the figure is the
// process's CPU time (user + system), which other load on a shared machine does not inflate the way it inflates
// wall-clock time; wall-clock medians are printed beside it. Run: npx tsx bench/eslint.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import tsParser from '@typescript-eslint/parser'
import { ESLint, type Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import imgmeta from '../eslint-plugin/index.js'

/** Files in the generated app. */
const FILE_COUNT = 500
/** Measured runs of each config (after one warm-up each). */
const REPEATS = 9
/** One file in this many is an image route; the rest are pages, layouts and components. */
const IMAGE_ROUTE_EVERY = 5

const CONVENTIONS = ['icon', 'apple-icon', 'opengraph-image', 'twitter-image'] as const

function imageRoute(i: number): string {
  const side = 32 + (i % 5) * 16
  return `import { ImageResponse } from 'next/og'

export async function generateImageMetadata({ params }: { params: { slug: string } }) {
  const sizes = [${side}, ${side * 2}]
  return sizes.map((side, index) => ({
    id: \`\${params.slug}-\${index}\`,
    alt: \`Route ${i}\`,
    size: { width: side, height: side },
    contentType: 'image/png',
  }))
}

export default async function Image({ params, id }: { params: Promise<{ slug: string }>; id: Promise<string> }) {
  const { slug } = await params
  const which = await id
  const side = which.endsWith('-0') ? ${side} : ${side * 2}
  return new ImageResponse(
    (
      <div style={{ display: 'flex', width: '100%', height: '100%', background: '#111', color: '#fff' }}>
        {slug} {which}
      </div>
    ),
    { width: side, height: side },
  )
}
`
}

function page(i: number): string {
  return `import { Card } from '../../components/card-${i % 50}'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props) {
  const { slug } = await params
  return { title: \`Page ${i} \${slug}\` }
}

export default async function Page({ params }: Props) {
  const { slug } = await params
  const items = Array.from({ length: ${3 + (i % 7)} }, (_, n) => ({ key: n, label: \`\${slug}-\${n}\` }))
  return (
    <main>
      <h1>Page ${i}</h1>
      {items.map((item) => (
        <Card key={item.key} label={item.label} />
      ))}
    </main>
  )
}
`
}

function component(i: number): string {
  return `'use client'
import { useState } from 'react'

export interface CardProps {
  label: string
  tone?: 'light' | 'dark'
}

export function Card${i}({ label, tone = 'light' }: CardProps) {
  const [open, setOpen] = useState(false)
  const style = tone === 'dark' ? { background: '#000', color: '#fff' } : { background: '#fff', color: '#000' }
  return (
    <button style={style} onClick={() => setOpen(!open)}>
      {open ? label.toUpperCase() : label}
    </button>
  )
}

export const Card = Card${i}
`
}

/** Writes the app: app/<section>/[slug]/{page.tsx, <image route>.tsx, layout.tsx}, plus components. */
function generateApp(root: string): number {
  let written = 0
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
    written++
  }
  for (let i = 0; i < 50; i++) write(`components/card-${i}.tsx`, component(i))
  for (let i = 0; written < FILE_COUNT; i++) {
    const folder = `app/section-${i % 40}/group-${i}/[slug]`
    if (i % IMAGE_ROUTE_EVERY === 0) write(`${folder}/${CONVENTIONS[i % CONVENTIONS.length]}.tsx`, imageRoute(i))
    else if (i % IMAGE_ROUTE_EVERY === 1) write(`${folder}/layout.tsx`, `export default function Layout({ children }: { children: React.ReactNode }) {\n  return <section>{children}</section>\n}\n`)
    else write(`${folder}/page.tsx`, page(i))
  }
  return written
}

const languageOptions: Linter.Config['languageOptions'] = {
  parser: tsParser as Linter.Parser,
  parserOptions: { ecmaFeatures: { jsx: true } },
}
const files = ['**/*.{ts,tsx}']
const anchor: Linter.Config[] = [
  ...(tseslint.configs.recommended as Linter.Config[]).map((c) => ({ ...c, files })),
  { files, languageOptions },
]
const withImgmeta: Linter.Config[] = [...anchor, imgmeta.configs.recommended]
// A stricter second anchor: ESLint parsing the files with no rule at all.
const parseOnly: Linter.Config[] = [{ files, languageOptions }]
const parseOnlyWithImgmeta: Linter.Config[] = [...parseOnly, imgmeta.configs.recommended]

interface Run {
  /** CPU milliseconds (user + system) of this process. */
  cpu: number
  /** Wall-clock milliseconds. */
  wall: number
  problems: number
  files: number
}

async function lintOnce(cwd: string, config: Linter.Config[]): Promise<Run> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false })
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const results = await eslint.lintFiles(['.'])
  const wall = performance.now() - start
  const cpuUsed = process.cpuUsage(cpuStart)
  const cpu = (cpuUsed.user + cpuUsed.system) / 1000
  return { cpu, wall, problems: results.reduce((n, r) => n + r.messages.length, 0), files: results.length }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const root = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-bench-eslint-'))
try {
  const count = generateApp(root)
  const configs = { anchor, withImgmeta, parseOnly, parseOnlyWithImgmeta }
  const runs = Object.fromEntries(Object.keys(configs).map((k) => [k, [] as Run[]])) as Record<keyof typeof configs, Run[]>
  // Warm-up: module loading and parser start-up are not what is measured.
  const warm = await lintOnce(root, anchor)
  const warmImgmeta = await lintOnce(root, withImgmeta)
  if (warmImgmeta.problems !== warm.problems) {
    throw new Error(`the generated app is meant to be clean, but imgmeta reported ${warmImgmeta.problems - warm.problems} problems`)
  }
  for (let i = 0; i < REPEATS; i++) {
    // Rotating the order spreads machine noise over all configs.
    const names = Object.keys(configs) as (keyof typeof configs)[]
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + i) % names.length]!
      runs[name].push(await lintOnce(root, configs[name]))
    }
  }
  // ESLint's own per-rule timing (`stats`): the time spent inside imgmeta's rules, which machine noise between
  // whole runs cannot blur.
  const statsRun = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: withImgmeta, stats: true }).lintFiles(['.'])
  let imgmetaRuleMs = 0
  let lintMs = 0
  for (const result of statsRun) {
    for (const pass of result.stats?.times.passes ?? []) {
      lintMs += pass.total
      for (const [rule, time] of Object.entries(pass.rules ?? {})) if (rule.startsWith('imgmeta/')) imgmetaRuleMs += time.total
    }
  }

  // Canary: the rules must be doing their work on this app, not skipping it.
  writeFileSync(path.join(root, 'app/section-0/group-0/[slug]/icon.tsx'), imageRoute(0).replace('id: `', '// id: `'))
  const canary = (await lintOnce(root, withImgmeta)).problems - (await lintOnce(root, anchor)).problems
  if (canary !== 1) throw new Error(`expected imgmeta to report the one item without id, got ${canary} problems`)

  const cpu = (name: keyof typeof configs): number => median(runs[name].map((r) => r.cpu))
  const wall = (name: keyof typeof configs): number => median(runs[name].map((r) => r.wall))
  const line = (label: string, name: keyof typeof configs): string =>
    `${label.padEnd(46)} cpu ${cpu(name).toFixed(0).padStart(5)} ms   wall ${wall(name).toFixed(0).padStart(5)} ms`
  console.log(`app: ${count} files (${warm.files} linted, ${Math.ceil((count - 50) / IMAGE_ROUTE_EVERY)} image routes), ${REPEATS} runs each, median`)
  console.log(line('anchor: typescript-eslint recommended', 'anchor'))
  console.log(line('anchor + imgmeta.configs.recommended', 'withImgmeta'))
  console.log(line('parse only (no rules)', 'parseOnly'))
  console.log(line('parse only + imgmeta.configs.recommended', 'parseOnlyWithImgmeta'))
  console.log(`ratio ${(cpu('withImgmeta') / cpu('anchor')).toFixed(3)} cpu against the anchor (target <= 1.10); wall ${(wall('withImgmeta') / wall('anchor')).toFixed(3)}`)
  console.log(`ratio ${(cpu('parseOnlyWithImgmeta') / cpu('parseOnly')).toFixed(3)} cpu against parsing alone; wall ${(wall('parseOnlyWithImgmeta') / wall('parseOnly')).toFixed(3)}`)
  console.log(`imgmeta rules: ${imgmetaRuleMs.toFixed(1)} ms of ${lintMs.toFixed(0)} ms ESLint spent on the files (${((100 * imgmetaRuleMs) / lintMs).toFixed(1)}%, ESLint stats)`)
} finally {
  rmSync(root, { recursive: true, force: true })
}
