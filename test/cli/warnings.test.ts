// What next/og ignores (a Tailwind class satori does not know, a CSS property satori does not read) is drawn
// without it in production too: the command shows it on that image in every report, and the image passes.
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { escapeHtml } from '../../cli/html.js'
import { timeoutOf } from '../helpers/timeouts.js'
import { copyFixture, runCli, type CliRun } from './cli-helpers.js'

const CARD = '/card/opengraph-image'
const CSS_WARNING = '<div> uses the CSS property "WebkitFontSmoothing", which next 16.4.6\'s next/og (satori 0.29.0) ignores; the image is drawn without it'
const TW_WARNING = 'tw: class "size-full" is not one satori\'s Tailwind knows; next/og ignores it'

const REPORTS = ['--reporter', 'junit=out/junit.xml', '--reporter', 'json=out/results.json', '--summary', 'out/summary.md', '--report', 'out/report']

let dir: string
let update: CliRun
let check: CliRun
let merged: CliRun

beforeAll(async () => {
  dir = copyFixture('warnings-app')
  update = await runCli(['update'], dir)
  // CI mode: a warning must not fail the run that guards the snapshots.
  check = await runCli(['check', ...REPORTS], dir, { CI: '1' })
  expect((await runCli(['check', '--reporter', 'blob'], dir, { CI: '1' })).code).toBe(0)
  merged = await runCli(['merge-reports', '--reporter', 'junit=merged/junit.xml', '--reporter', 'json=merged/results.json'], dir, { CI: '1' })
}, timeoutOf(2))

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const read = (file: string) => readFileSync(path.join(dir, file), 'utf8')

/** The warnings the JSON report records for each test, by test title. */
function jsonWarnings(file: string): Record<string, unknown> {
  const report = JSON.parse(read(file)) as { testResults: { assertionResults: { title: string; status: string; meta: { imgmeta?: { warnings?: unknown } } }[] }[] }
  const out: Record<string, unknown> = {}
  for (const suite of report.testResults) for (const test of suite.assertionResults) out[test.title] = { status: test.status, warnings: test.meta.imgmeta?.warnings }
  return out
}

/** The `<testcase>` element of the card in a JUnit file. */
function junitCase(file: string): string {
  const xml = read(file)
  const start = xml.indexOf(`name="image routes &gt; ${CARD}"`)
  expect(start, xml).toBeGreaterThan(0)
  return xml.slice(start, xml.indexOf('</testcase>', start))
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

describe('renderer warnings in imgmeta check', () => {
  test('the images pass: update and check exit 0', () => {
    expect(update.code, update.stdout + update.stderr).toBe(0)
    expect(check.code, check.stdout + check.stderr).toBe(0)
    expect(check.stdout).toMatch(/Images +2 \(2 passed, 0 failed, 0 not covered\) in 2 routes/)
    expect(check.stdout).toContain('imgmeta: all images pass')
    expect(check.stdout).not.toContain('Findings')
  })

  test('the terminal shows each warning under its image and counts them in the summary', () => {
    const block = check.stdout.slice(check.stdout.indexOf('Warnings (2)'), check.stdout.indexOf('\nImages '))
    expect(block).toContain(`⚠ app/card/opengraph-image.tsx  ${CARD}`)
    expect(block).toContain(`  warning: ${CSS_WARNING}`)
    expect(block).toContain(`  warning: ${TW_WARNING}`)
    // The clean icon has none.
    expect(block).not.toContain('app/icon.tsx')
    expect(check.stdout).toMatch(/^Warnings +2 on 1 image /m)
  })

  test('the JSON report records them in the card test’s meta, and none for the icon', () => {
    expect(jsonWarnings('out/results.json')).toEqual({
      [CARD]: { status: 'passed', warnings: [CSS_WARNING, TW_WARNING] },
      '/icon': { status: 'passed', warnings: undefined },
    })
  })

  test('the JUnit report writes them to the card’s <system-out>, with no failure', () => {
    const card = junitCase('out/junit.xml')
    const out = card.slice(card.indexOf('<system-out>'), card.indexOf('</system-out>'))
    expect(out).toContain(escaped(`warning: ${CSS_WARNING}`).replace(/'/g, '&apos;'))
    expect(out).toContain(escaped(`warning: ${TW_WARNING}`).replace(/'/g, '&apos;'))
    expect(card).not.toContain('<failure')
    expect(read('out/junit.xml')).toContain('failures="0"')
  })

  test('the Markdown summary and the HTML report list them as warnings', () => {
    expect(read('out/summary.md')).toContain('⚠️ 2 renderer warnings on 1 image (not failures)')
    expect(read('out/summary.md')).toContain('&lt;div&gt; uses the CSS property "WebkitFontSmoothing"')
    const html = read('out/report/index.html')
    expect(html).toContain('<h1>imgmeta: all images pass</h1>')
    expect(html).toContain('⚠ Warnings (2)')
    expect(html).toContain(`<li>${escapeHtml(TW_WARNING)}</li>`)
  })

  test('merge-reports keeps them: the merged JSON and JUnit show the same warnings', () => {
    expect(merged.code, merged.stdout + merged.stderr).toBe(0)
    expect(merged.stdout).toContain(`  warning: ${TW_WARNING}`)
    expect(jsonWarnings('merged/results.json')).toEqual({
      [CARD]: { status: 'passed', warnings: [CSS_WARNING, TW_WARNING] },
      '/icon': { status: 'passed', warnings: undefined },
    })
    const card = junitCase('merged/junit.xml')
    expect(card).toContain('<system-out>')
    expect(card).toContain(escaped(`warning: ${CSS_WARNING}`))
    expect(card).not.toContain('<failure')
  })
})
