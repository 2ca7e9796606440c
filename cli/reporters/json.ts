import path from 'node:path'
import type { RunOutcome } from '../run-vitest.js'
import { routeRows } from './route-rows.js'

const STATUS = { passed: 'passed', failed: 'failed', skipped: 'skipped' } as const

/**
 * JSON of a merged run in the shape vitest's JSON reporter writes (Jest's): counts, and per route file its
 * assertion results, as `imgmeta check --reporter json` produces them.
 */
export function formatJsonReport(outcome: RunOutcome, startTime: number = Date.now()): string {
  const count = (state: 'passed' | 'failed' | 'skipped') => outcome.results.filter((r) => r.state === state).length
  const testResults = routeRows(outcome).map((row) => {
    const results = outcome.results.filter((r) => r.file === row.file)
    const errors = outcome.errors.filter((e) => e.file === row.file)
    return {
      name: path.resolve(outcome.options.root, row.file),
      status: row.failed > 0 ? 'failed' : 'passed',
      message: errors.map((e) => e.message).join('\n'),
      assertionResults: results.map((result) => ({
        ancestorTitles: ['image routes'],
        fullName: `image routes ${result.name}`,
        status: STATUS[result.state],
        title: result.name,
        duration: result.durationMs,
        failureMessages: result.state === 'failed' ? [result.message] : [],
        meta: { imgmeta: { file: result.file, route: result.route, id: result.id, ...(result.warnings && { warnings: result.warnings }) } },
      })),
    }
  })
  const failedSuites = testResults.filter((suite) => suite.status === 'failed').length
  return JSON.stringify(
    {
      numTotalTestSuites: testResults.length,
      numPassedTestSuites: testResults.length - failedSuites,
      numFailedTestSuites: failedSuites,
      numPendingTestSuites: 0,
      numTotalTests: outcome.results.length,
      numPassedTests: count('passed'),
      numFailedTests: count('failed'),
      numPendingTests: count('skipped'),
      numTodoTests: 0,
      snapshot: { added: outcome.snapshots.added, updated: outcome.snapshots.updated, matched: outcome.snapshots.matched, unmatched: outcome.snapshots.unmatched },
      startTime,
      success: count('failed') === 0 && outcome.errors.length === 0,
      testResults,
    },
    null,
    2,
  )
}
