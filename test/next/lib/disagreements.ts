// The record of every place where real Next and imgmeta (or CONTRACT.md's statement) differ.

/** One difference: where, what, and the two values side by side. */
export interface Disagreement {
  /** `imgmeta` when imgmeta's prediction differs, `contract` when a documented fact about Next does. */
  against: 'imgmeta' | 'contract'
  where: string
  what: string
  next: string
  expected: string
}

/** Collects disagreements and counts comparisons. */
export class Ledger {
  readonly disagreements: Disagreement[] = []
  comparisons = 0

  /** Records one comparison; a difference becomes a disagreement. Returns true when they agree. */
  check(against: Disagreement['against'], where: string, what: string, next: unknown, expected: unknown): boolean {
    this.comparisons++
    const a = show(next)
    const b = show(expected)
    if (a === b) return true
    this.disagreements.push({ against, where, what, next: a, expected: b })
    return false
  }

  /** Records a failure that has no pair of values (a crash on one side). */
  fail(against: Disagreement['against'], where: string, what: string, next: string, expected: string): void {
    this.comparisons++
    this.disagreements.push({ against, where, what, next, expected })
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}
