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

/** Every finding on its own indented line, in the order found. */
export function formatFindings(findings: readonly Finding[], indent = '  '): string {
  return findings.map((finding) => `${indent}- ${formatFinding(finding)}`).join('\n')
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
