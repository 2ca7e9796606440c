import { relativeFile, type RunOutcome } from '../run-vitest.js'

/** Counts of one route for the end table and the Markdown summary. */
export interface RouteRow {
  file: string
  route: string
  total: number
  passed: number
  failed: number
  skipped: number
}

/** One row per route of the run, in file order, including routes whose tests never ran. */
export function routeRows(outcome: RunOutcome): RouteRow[] {
  const rows = new Map<string, RouteRow>()
  for (const route of outcome.routes) {
    const file = relativeFile(outcome.options.root, route)
    rows.set(file, { file, route: route.pathTemplate, total: 0, passed: 0, failed: 0, skipped: 0 })
  }
  for (const result of outcome.results) {
    const row = rows.get(result.file) ?? { file: result.file, route: result.route, total: 0, passed: 0, failed: 0, skipped: 0 }
    rows.set(result.file, row)
    row.total += 1
    row[result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped'] += 1
  }
  for (const error of outcome.errors) {
    const row = error.file === undefined ? undefined : rows.get(error.file)
    if (row) row.failed += 1
  }
  return [...rows.values()]
}
