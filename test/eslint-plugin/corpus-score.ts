// Lints the annotated corpus (test/eslint-plugin/corpus/) with every rule on and scores each rule's findings
// against the annotations: `// expect: rule-a, rule-b` (or `{/* expect: … */}` in JSX) on the line a finding
// must be reported on; `expect-not: rule` marks a line where a rule once raised a false alarm. Any finding that
// is not expected is a false alarm.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import imgmeta, { rules } from '../../eslint-plugin/index.js'

/** The corpus folder: one Next project per subfolder, listed in projects.json with its Next major. */
export const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus')

const EXPECT = /(?<![\w-])expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/
const EXPECT_NOT = /expect-not:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/

/** One finding or expectation: `project/file:line rule`. */
export type FindingKey = string

/** What the corpus run found and what the annotations ask for. */
export interface CorpusRun {
  files: number
  found: Set<FindingKey>
  expected: Set<FindingKey>
  /** Annotated `expect-not` lines: findings there are false alarms the corpus names explicitly. */
  expectedNot: Set<FindingKey>
}

/** Precision and recall of one rule over the corpus. */
export interface RuleScore {
  rule: string
  truePositives: number
  falseAlarms: FindingKey[]
  missed: FindingKey[]
}

/** Lints every project of the corpus with the `strict` config (every rule an error) at its Next version. */
export async function runCorpus(): Promise<CorpusRun> {
  const projects = JSON.parse(readFileSync(path.join(CORPUS, 'projects.json'), 'utf8')) as Record<string, { nextVersion: number }>
  const run: CorpusRun = { files: 0, found: new Set(), expected: new Set(), expectedNot: new Set() }
  for (const [project, { nextVersion }] of Object.entries(projects)) {
    const cwd = path.join(CORPUS, project)
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [imgmeta.configs.strict, { settings: { imgmeta: { nextVersion } } }],
    })
    const results = await eslint.lintFiles(['.'])
    for (const result of results) {
      run.files++
      const file = `${project}/${path.relative(cwd, result.filePath).split(path.sep).join('/')}`
      for (const message of result.messages) {
        run.found.add(`${file}:${message.line} ${(message.ruleId ?? `fatal: ${message.message}`).replace(/^imgmeta\//, '')}`)
      }
      readFileSync(result.filePath, 'utf8')
        .split('\n')
        .forEach((text, index) => {
          for (const [pattern, into] of [[EXPECT, run.expected], [EXPECT_NOT, run.expectedNot]] as const) {
            const match = pattern.exec(text)
            for (const rule of match?.[1]?.split(',') ?? []) into.add(`${file}:${index + 1} ${rule.trim()}`)
          }
        })
    }
  }
  return run
}

function ruleOf(key: FindingKey): string {
  return key.slice(key.lastIndexOf(' ') + 1)
}

/** Scores every rule of the plugin (and any unknown rule id a finding carries) against the annotations. */
export function scoreRules(run: CorpusRun): RuleScore[] {
  const names = new Set([...Object.keys(rules), ...[...run.found, ...run.expected].map(ruleOf)])
  return [...names].sort().map((rule) => {
    const found = [...run.found].filter((k) => ruleOf(k) === rule)
    const expected = [...run.expected].filter((k) => ruleOf(k) === rule)
    return {
      rule,
      truePositives: found.filter((k) => run.expected.has(k)).length,
      falseAlarms: found.filter((k) => !run.expected.has(k)),
      missed: expected.filter((k) => !run.found.has(k)),
    }
  })
}

/** The precision/recall table as text, one rule a row, totals last. */
export function formatScores(scores: RuleScore[], files: number): string {
  const ratio = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(0)}%`)
  const rows = scores.map((s) => {
    const fp = s.falseAlarms.length
    const fn = s.missed.length
    return [s.rule, String(s.truePositives), String(fp), String(fn), ratio(s.truePositives, s.truePositives + fp), ratio(s.truePositives, s.truePositives + fn)]
  })
  const tp = scores.reduce((n, s) => n + s.truePositives, 0)
  const fp = scores.reduce((n, s) => n + s.falseAlarms.length, 0)
  const fn = scores.reduce((n, s) => n + s.missed.length, 0)
  rows.push(['all rules', String(tp), String(fp), String(fn), ratio(tp, tp + fp), ratio(tp, tp + fn)])
  const header = ['rule', 'found', 'false alarms', 'missed', 'precision', 'recall']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [
    `imgmeta ESLint rules over ${files} corpus files (test/eslint-plugin/corpus, strict config)`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n')
}
