import { existsSync } from 'node:fs'
import path from 'node:path'
import type { ImageRoute } from '../../src/route.js'
import { adviceFor } from '../finding.js'
import type { ImageResult, RunListener, RunOutcome } from '../run-vitest.js'
import { routeRows } from './route-rows.js'
import { networkLines } from './network.js'

/** Where the terminal reporter writes, and whether it may redraw a progress line. */
export interface TerminalOutput {
  write: (text: string) => void
  isTTY: boolean
}

/** Longest message excerpt printed per finding; the full text is in junit/json/report files. */
export const MAX_FINDING_LINES = 12

/** Images whose renderer warnings are printed; the rest are counted (every one is in the junit/json/report files). */
export const MAX_WARNING_IMAGES = 20

/** A progress line while images run: redrawn in place on a terminal, printed per route elsewhere. */
export function progressListener(out: TerminalOutput): RunListener & { finish(): void } {
  let routeCount = 0
  let failed = 0
  // Workers finish the images of a route in any order: each route file is named once.
  const named = new Set<string>()
  return {
    onStart(routes: ImageRoute[]) {
      routeCount = routes.length
      out.write(`imgmeta: checking ${routes.length} image route${routes.length === 1 ? '' : 's'}\n`)
    },
    onImage(result: ImageResult, done: number) {
      if (result.state === 'failed') failed += 1
      if (out.isTTY) {
        out.write(`\r\x1b[2K  ${done} images · ${failed} failed · ${result.file}`)
      } else if (!named.has(result.file)) {
        named.add(result.file)
        out.write(`  … ${result.file}\n`)
      }
      void routeCount
    },
    finish() {
      if (out.isTTY) out.write('\r\x1b[2K')
    },
  }
}

/** The end of a run: a table of routes with counts, every finding with what to do, snapshot counts. */
export function formatTerminalReport(outcome: RunOutcome, color: boolean): string {
  const c = colors(color)
  const lines: string[] = []
  const rows = routeRows(outcome)
  const header = ['route file', 'URL', 'images', 'passed', 'failed', 'not covered']
  const table = [header, ...rows.map((r) => [r.file, r.route, String(r.total), String(r.passed), String(r.failed), String(r.skipped)])]
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)))
  lines.push('')
  table.forEach((row, index) => {
    const text = row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')
    const failedRow = index > 0 && rows[index - 1]!.failed > 0
    lines.push(index === 0 ? c.dim(text) : failedRow ? c.red(text) : text)
  })

  const findings = outcome.results.filter((r) => r.state !== 'passed')
  if (findings.length > 0 || outcome.errors.length > 0) {
    lines.push('', c.bold(`Findings (${findings.length + outcome.errors.length})`))
    for (const finding of findings) {
      const mark = finding.state === 'failed' ? c.red('✗') : c.yellow('○')
      lines.push('', `${mark} ${c.bold(finding.file)}  ${finding.route}`, `  test: ${finding.name}`)
      for (const line of excerpt(finding.message)) lines.push(`  ${line}`)
      const diff = finding.files.diff
      if (diff && existsSync(diff) && !finding.message.includes('diff')) lines.push(`  diff: ${path.relative(outcome.options.root, diff)}`)
      lines.push(c.cyan(`  → ${adviceFor(finding.kind ?? 'error')}`))
    }
    for (const error of outcome.errors) {
      lines.push('', `${c.red('✗')} ${c.bold(error.file ?? 'run')}`)
      for (const line of excerpt(error.message)) lines.push(`  ${line}`)
      lines.push(c.cyan(`  → ${adviceFor('error')}`))
    }
  }

  const warned = outcome.results.filter((r) => r.warnings && r.warnings.length > 0)
  const warningCount = warned.reduce((total, r) => total + r.warnings!.length, 0)
  if (warned.length > 0) {
    // Warnings never fail a run: what next/og ignores is drawn without it, in production too.
    lines.push('', c.bold(`Warnings (${warningCount})`))
    for (const result of warned.slice(0, MAX_WARNING_IMAGES)) {
      lines.push('', `${c.yellow('⚠')} ${c.bold(result.file)}  ${result.name}`)
      for (const warning of result.warnings!) lines.push(c.yellow(`  warning: ${warning}`))
    }
    if (warned.length > MAX_WARNING_IMAGES) lines.push('', c.dim(`… and ${warned.length - MAX_WARNING_IMAGES} more images with warnings (all are in the junit, json and HTML reports)`))
  }

  const passed = outcome.results.filter((r) => r.state === 'passed').length
  const failed = outcome.results.filter((r) => r.state === 'failed').length
  const skipped = outcome.results.filter((r) => r.state === 'skipped').length
  const s = outcome.snapshots
  lines.push(
    '',
    `Images     ${outcome.results.length} (${passed} passed, ${failed} failed, ${skipped} not covered) in ${outcome.routes.length} routes`,
    `Snapshots  ${s.added} added, ${s.updated} updated, ${s.matched} unchanged, ${s.unmatched} failed`,
  )
  if (warned.length > 0) lines.push(`Warnings   ${warningCount} on ${warned.length} image${warned.length === 1 ? '' : 's'} (renderer: what next/og ignores; not failures)`)
  if (!outcome.complete) {
    lines.push(`Obsolete   not checked: a partial run (--shard) cannot tell which snapshots are unused`)
  } else if (outcome.pruned.length > 0 || outcome.pruneKept.length > 0) {
    lines.push(`Obsolete   ${outcome.pruned.length} deleted:`)
    for (const file of outcome.pruned) lines.push(`  - ${path.relative(outcome.options.root, file)}`)
    if (outcome.pruneKept.length > 0) {
      lines.push(`Obsolete   ${outcome.pruneKept.length} kept: imgmeta did not write them (no render stamp, not in its manifest); delete them by hand if unused:`)
      for (const file of outcome.pruneKept) lines.push(`  - ${path.relative(outcome.options.root, file)}`)
    }
  } else if (outcome.obsolete.length > 0) {
    lines.push(`Obsolete   ${outcome.obsolete.length} (run \`imgmeta update --prune\` to delete):`)
    for (const file of outcome.obsolete) lines.push(`  - ${path.relative(outcome.options.root, file)}`)
  }
  lines.push(...networkLines(outcome))
  if (outcome.note) lines.push(`Note       ${outcome.note}`)
  lines.push(`Duration   ${(outcome.durationMs / 1000).toFixed(2)} s`)
  const ok = failed === 0 && outcome.errors.length === 0
  lines.push('', ok ? c.green('imgmeta: all images pass') : c.red('imgmeta: images failed, see the findings above'), '')
  return lines.join('\n')
}

function excerpt(message: string): string[] {
  const lines = message.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '')
  if (lines.length <= MAX_FINDING_LINES) return lines
  return [...lines.slice(0, MAX_FINDING_LINES), `… (${lines.length - MAX_FINDING_LINES} more lines)`]
}

function colors(enabled: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text)
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), bold: wrap(1, 22), dim: wrap(2, 22) }
}
