import path from 'node:path'
import type { Violation } from '../src/contract.js'

/**
 * One problem with an image route, as the matchers and `imgmeta check` report it: which route and id, a
 * stable code, and a message that gives both the declared and the real value.
 */
export interface Finding {
  code: string
  /** The route's URL path for the params checked, without the id: `/shop/hats/opengraph-image`. */
  route?: string
  /** The item's id as declared; absent for findings about the whole route or an item without an id. */
  id?: string | number
  /** The item's index in generateImageMetadata's array, when the finding is about one item. */
  index?: number
  message: string
}

/** The item a violation path such as `[1].size.width` points at, or undefined for `''` (the whole array). */
export function violationIndex(path: string): number | undefined {
  const match = /^\[(\d+)\]/.exec(path)
  return match ? Number(match[1]) : undefined
}

/** The id an item declares, when it is one Next can use in a URL (a string or a finite number). */
export function declaredId(item: unknown): string | number | undefined {
  if (typeof item !== 'object' || item === null) return undefined
  const id = (item as { id?: unknown }).id
  if (typeof id === 'string') return id
  if (typeof id === 'number' && Number.isFinite(id)) return id
  return undefined
}

/** Turns the contract's violations into findings that carry the route and each item's id. */
export function violationsToFindings(violations: readonly Violation[], items: unknown, route?: string): Finding[] {
  return violations.map((violation) => {
    const index = violationIndex(violation.path)
    const item = index !== undefined && Array.isArray(items) ? items[index] : undefined
    const id = declaredId(item)
    return {
      code: violation.code,
      ...(route !== undefined && { route }),
      ...(id !== undefined && { id }),
      ...(index !== undefined && { index }),
      message: violation.message,
    }
  })
}

/**
 * One line a finding: `route /bugs/size/icon, id "small": <message> [size-mismatch]`. String ids are quoted and
 * numeric ids are not, because Next 16 hands the image function a string either way and the difference matters.
 */
export function formatFinding(finding: Finding): string {
  const where: string[] = []
  if (finding.route !== undefined) where.push(`route ${finding.route}`)
  if (finding.id !== undefined) where.push(`id ${JSON.stringify(finding.id)}`)
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : ''
  return `${prefix}${singleLine(finding.message)} [${finding.code}]`
}

/** From this many findings that differ only in their item, they are printed once with a count. */
const MIN_REPEATS_TO_FOLD = 4

/** The items of a folded finding named in its line; the rest are counted. */
const ITEMS_NAMED_WHEN_FOLDED = 5

/** A finding's text with its item left out: findings alike but for the item share it. */
function withoutItem(finding: Finding): string {
  return `${finding.route ?? ''}\0${finding.code}\0${finding.message.replace(/\[\d+\]/g, '[n]')}`
}

/**
 * Every finding on its own indented line, in the order found. The same finding repeated across many items (a
 * missing size on each of 10,000 items) is printed once, with how many items it concerns and the first few.
 */
export function formatFindings(findings: readonly Finding[], indent = '  '): string {
  // Groups keep the order of their first finding (a Map iterates in insertion order).
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) {
    const key = withoutItem(finding)
    const group = groups.get(key)
    if (group) group.push(finding)
    else groups.set(key, [finding])
  }
  const folded = new Map<Finding, string>()
  for (const group of groups.values()) {
    if (group.length < MIN_REPEATS_TO_FOLD) continue
    const named = group.slice(0, ITEMS_NAMED_WHEN_FOLDED).map((f) => (f.id !== undefined ? JSON.stringify(f.id) : `[${f.index ?? '?'}]`))
    const more = group.length > ITEMS_NAMED_WHEN_FOLDED ? ', …' : ''
    folded.set(group[0]!, `${formatFinding(group[0]!)} (the same for ${group.length} items: ${named.join(', ')}${more})`)
  }
  const lines: string[] = []
  for (const finding of findings) {
    const group = groups.get(withoutItem(finding))!
    if (group.length < MIN_REPEATS_TO_FOLD) lines.push(`${indent}- ${formatFinding(finding)}`)
    else if (group[0] === finding) lines.push(`${indent}- ${folded.get(finding)!}`)
  }
  return lines.join('\n')
}

/** `1 problem`, `3 problems`. */
export function countProblems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`
}

/** Keeps a finding to one terminal line even when a user's error message spans several. */
function singleLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

/** A file path as messages show it: relative to the working directory when inside it, else as given. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/')
}
