import path from 'node:path'
import { formatRecordedSummary } from '../../next-runtime/network/run-recordings.js'
import type { RunOutcome } from '../run-vitest.js'

/** The terminal lines about the network: what `update` recorded, and obsolete or pruned recordings. */
export function networkLines(outcome: RunOutcome): string[] {
  const network = outcome.network
  if (!network) return []
  const file = path.relative(outcome.options.root, network.file)
  const lines: string[] = []
  if (outcome.options.update && network.recorded.length > 0) {
    lines.push(`Network    recorded ${formatRecordedSummary(network.recorded)} into ${file}`)
  }
  if (network.pruned.length > 0) {
    lines.push(`Recordings ${network.pruned.length} obsolete deleted:`)
    for (const item of network.pruned) lines.push(`  - ${item}`)
  } else if (outcome.complete && network.obsolete.length > 0) {
    lines.push(`Recordings ${network.obsolete.length} obsolete in ${file} (run \`imgmeta update --prune\` to delete):`)
    for (const item of network.obsolete) lines.push(`  - ${item}`)
  }
  return lines
}
