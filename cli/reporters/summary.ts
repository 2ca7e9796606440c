import path from 'node:path'
import { adviceFor } from '../finding.js'
import type { RunOutcome } from '../run-vitest.js'
import { routeRows } from './route-rows.js'

/** Failures listed in the summary; GitHub caps a step summary at 1 MiB, and a long list helps no one. */
export const MAX_SUMMARY_FINDINGS = 50

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** Markdown for `$GITHUB_STEP_SUMMARY`: counts, the routes, and the failing images with what to do. */
export function formatMarkdownSummary(outcome: RunOutcome): string {
  const passed = outcome.results.filter((r) => r.state === 'passed').length
  const failed = outcome.results.filter((r) => r.state === 'failed').length
  const skipped = outcome.results.filter((r) => r.state === 'skipped').length
  const ok = failed === 0 && outcome.errors.length === 0
  const s = outcome.snapshots
  const lines = [
    `## imgmeta ${ok ? '✅ all images pass' : '❌ images failed'}`,
    '',
    `| images | passed | failed | not covered | routes | snapshots added | updated | unchanged |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${outcome.results.length} | ${passed} | ${failed} | ${skipped} | ${outcome.routes.length} | ${s.added} | ${s.updated} | ${s.matched} |`,
    '',
  ]
  const findings = outcome.results.filter((r) => r.state !== 'passed')
  if (findings.length > 0 || outcome.errors.length > 0) {
    lines.push('### Failing images', '', '| | route file | URL | test | what to do |', '|---|---|---|---|---|')
    for (const finding of findings.slice(0, MAX_SUMMARY_FINDINGS)) {
      const mark = finding.state === 'failed' ? '❌' : '⚠️'
      lines.push(
        `| ${mark} | \`${cell(finding.file)}\` | \`${cell(finding.route)}\` | ${cell(finding.name)} | ${cell(adviceFor(finding.kind ?? 'error'))} |`,
      )
    }
    for (const error of outcome.errors) {
      lines.push(`| ❌ | \`${cell(error.file ?? 'run')}\` | | ${cell(error.message.split('\n')[0] ?? '')} | ${cell(adviceFor('error'))} |`)
    }
    if (findings.length > MAX_SUMMARY_FINDINGS) lines.push('', `… and ${findings.length - MAX_SUMMARY_FINDINGS} more.`)
    lines.push('')
  }
  const warned = outcome.results.filter((r) => r.warnings && r.warnings.length > 0)
  if (warned.length > 0) {
    const count = warned.reduce((total, r) => total + r.warnings!.length, 0)
    lines.push(`<details><summary>⚠️ ${count} renderer warning${count === 1 ? '' : 's'} on ${warned.length} image${warned.length === 1 ? '' : 's'} (not failures)</summary>`, '', '| route file | test | warning |', '|---|---|---|')
    for (const result of warned.slice(0, MAX_SUMMARY_FINDINGS)) {
      for (const warning of result.warnings!) lines.push(`| \`${cell(result.file)}\` | ${cell(result.name)} | ${cell(warning).replace(/</g, '&lt;').replace(/>/g, '&gt;')} |`)
    }
    if (warned.length > MAX_SUMMARY_FINDINGS) lines.push('', `… and ${warned.length - MAX_SUMMARY_FINDINGS} more images.`)
    lines.push('', '</details>', '')
  }
  lines.push('<details><summary>Routes</summary>', '', '| route file | URL | images | passed | failed | not covered |', '|---|---|---:|---:|---:|---:|')
  for (const row of routeRows(outcome)) {
    lines.push(`| \`${cell(row.file)}\` | \`${cell(row.route)}\` | ${row.total} | ${row.passed} | ${row.failed} | ${row.skipped} |`)
  }
  lines.push('', '</details>', '')
  if (outcome.obsolete.length > 0) {
    lines.push(`Obsolete snapshots: ${outcome.obsolete.map((f) => `\`${path.relative(outcome.options.root, f)}\``).join(', ')}`, '')
  }
  return lines.join('\n')
}
