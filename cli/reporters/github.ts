import path from 'node:path'
import { adviceFor } from '../finding.js'
import type { RunOutcome } from '../run-vitest.js'

/** GitHub's workflow commands take `%`, CR and LF escaped in data, and also `:` and `,` in properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Workflow annotations, one per finding, placed on the route file (relative to `cwd`, which is the checkout
 * in GitHub Actions): failures as `::error`, routes that could not be covered and renderer warnings as `::warning`.
 */
export function formatGithubAnnotations(outcome: RunOutcome, cwd: string = process.cwd()): string {
  const lines: string[] = []
  for (const result of outcome.results) {
    if (result.state === 'passed') continue
    const file = path.relative(cwd, path.resolve(outcome.options.root, result.file)).split(path.sep).join('/')
    const level = result.state === 'failed' ? 'error' : 'warning'
    const title = `imgmeta: ${result.name}`
    const message = `${result.message.replace(/\x1b\[[0-9;]*m/g, '')}\n→ ${adviceFor(result.kind ?? 'error')}`
    lines.push(`::${level} file=${escapeProperty(file)},line=1,title=${escapeProperty(title)}::${escapeData(message)}`)
  }
  for (const result of outcome.results) {
    if (!result.warnings?.length) continue
    // One per image (GitHub shows the first ten warnings of a step): every renderer warning of it in the message.
    const file = path.relative(cwd, path.resolve(outcome.options.root, result.file)).split(path.sep).join('/')
    const title = `imgmeta: ${result.name} (renderer warning)`
    lines.push(`::warning file=${escapeProperty(file)},line=1,title=${escapeProperty(title)}::${escapeData(result.warnings.join('\n'))}`)
  }
  for (const error of outcome.errors) {
    const file = error.file ? path.relative(cwd, path.resolve(outcome.options.root, error.file)).split(path.sep).join('/') : undefined
    const properties = file ? `file=${escapeProperty(file)},line=1,title=imgmeta` : 'title=imgmeta'
    lines.push(`::error ${properties}::${escapeData(error.message)}`)
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}
