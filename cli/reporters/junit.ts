import type { RunOutcome } from '../run-vitest.js'
import { routeRows } from './route-rows.js'

/** The describe block every generated image test sits in; vitest's JUnit names test cases `suite > test`. */
const SUITE = 'image routes'

function xml(text: string): string {
  return text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
}

const seconds = (ms: number) => (ms / 1000).toFixed(3)

/**
 * JUnit XML of a merged run, shaped as `imgmeta check --reporter junit` writes it through vitest's reporter:
 * one `<testsuite>` per route file, test cases named `image routes > <URL>` with the route file as classname.
 */
export function formatJunitReport(outcome: RunOutcome): string {
  const failed = outcome.results.filter((r) => r.state === 'failed').length
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<testsuites name="imgmeta" tests="${outcome.results.length}" failures="${failed}" errors="${outcome.errors.length}" time="${seconds(outcome.durationMs)}">`,
  ]
  for (const row of routeRows(outcome)) {
    const results = outcome.results.filter((r) => r.file === row.file)
    const errors = outcome.errors.filter((e) => e.file === row.file)
    const time = results.reduce((total, r) => total + r.durationMs, 0)
    lines.push(
      `    <testsuite name="${xml(row.file)}" timestamp="${new Date().toISOString()}" hostname="imgmeta" tests="${results.length}" failures="${row.failed - errors.length}" errors="${errors.length}" skipped="${row.skipped}" time="${seconds(time)}">`,
    )
    for (const result of results) {
      const open = `        <testcase classname="${xml(result.file)}" name="${xml(`${SUITE} > ${result.name}`)}" time="${seconds(result.durationMs)}"`
      // As vitest's JUnit reporter writes a test's output: renderer warnings in <system-out>, never a failure.
      const out = result.warnings?.length
        ? ['            <system-out>', ...result.warnings.map((w) => xml(`warning: ${w}`)), '            </system-out>']
        : []
      if (result.state === 'passed') lines.push(`${open}>`, ...out, '        </testcase>')
      else if (result.state === 'skipped') lines.push(`${open}>`, ...out, '            <skipped/>', '        </testcase>')
      else {
        const first = result.message.split('\n')[0] ?? ''
        lines.push(`${open}>`, ...out, `            <failure message="${xml(first)}" type="Error">`, xml(result.message), '            </failure>', '        </testcase>')
      }
    }
    for (const error of errors) {
      lines.push(`        <testcase classname="${xml(row.file)}" name="${xml(row.file)}" time="0">`, `            <error message="${xml(error.message.split('\n')[0] ?? '')}">`, xml(error.message), '            </error>', '        </testcase>')
    }
    lines.push('    </testsuite>')
  }
  lines.push('</testsuites>', '')
  return lines.join('\n')
}
