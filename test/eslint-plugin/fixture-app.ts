// The fixture app both end-to-end tests lint, what they must find in it, and how a finding is written down.
import path from 'node:path'
import { ROOT } from './rule-tester.js'

/** A Next app with one mistake for each rule, and correct files beside them. */
export const FIXTURE_APP = path.join(ROOT, 'test/fixtures/eslint/fixture-app')

/** What the recommended config reports in the fixture app, as `problemLines` writes it. */
export const FIXTURE_APP_PROBLEMS: readonly string[] = [
  'app/docs/[...path]/icon.tsx:3 imgmeta/no-catch-all-image-metadata',
  'app/docs/[...path]/opengraph-image.tsx:6 imgmeta/no-catch-all-image-metadata',
  'app/icon.tsx:6 imgmeta/require-id',
  'app/icon.tsx:7 imgmeta/size-matches-output',
  'app/icon.tsx:7 imgmeta/unique-ids',
  'app/shop/[slug]/opengraph-image.tsx:3 imgmeta/valid-image-route',
  'app/shop/[slug]/opengraph-image.tsx:6 imgmeta/content-type-matches-output',
  'app/shop/[slug]/opengraph-image.tsx:6 imgmeta/size-matches-output',
  'app/shop/[slug]/opengraph-image.tsx:9 imgmeta/id-type',
  'app/shop/[slug]/opengraph-image.tsx:9 imgmeta/no-unknown-image-props',
  'app/shop/[slug]/opengraph-image.tsx:9 imgmeta/params-match-route',
  'app/shop/[slug]/page.tsx:1 imgmeta/valid-image-route',
]

/** The part of an ESLint result (from the Node API or `--format json`) a finding is read from. */
export interface LintedFile {
  filePath: string
  messages: readonly { line: number; ruleId: string | null; message: string }[]
}

/** `file:line ruleId`, sorted, file relative to `cwd` with `/`: what a user sees, minus the wording. */
export function problemLines(results: readonly LintedFile[], cwd: string): string[] {
  return results
    .flatMap((r) =>
      r.messages.map((m) => `${path.relative(cwd, r.filePath).split(path.sep).join('/')}:${m.line} ${m.ruleId ?? `fatal: ${m.message}`}`),
    )
    .sort()
}
