import { ESLintUtils } from '@typescript-eslint/utils'
import { readPackageInfo } from './package-info.js'

/** Extra `meta.docs` fields of imgmeta rules; the configs are derived from them. */
export interface ImgmetaRuleDocs {
  /** True when the rule belongs to the `recommended` config (and so to `recommended-type-checked`). */
  recommended: boolean
  /**
   * The severity in `recommended`: `error` (the default) for findings that break something a user sees (a crash,
   * a wrong tag, a failed build, an unreachable image), `warn` for findings with no run-time effect. `strict`
   * makes every rule an error.
   */
  recommendedSeverity?: 'error' | 'warn'
  /** The options `strict` sets, where a rule keeps its findings without run-time effect behind an option. */
  strictOptions?: unknown[]
  /** True when the rule checks more (aliases, interfaces) when type information is available. */
  usesTypeInformation?: boolean
}

const { name, version } = readPackageInfo()

/** The published location of a rule's documentation: the docs folder ships in the package. */
export function ruleDocsUrl(ruleName: string): string {
  return `https://unpkg.com/${name}@${version}/docs/rules/${ruleName}.md`
}

/** Builds an imgmeta rule: typed meta, default options and the docs URL. */
export const createRule = ESLintUtils.RuleCreator<ImgmetaRuleDocs>(ruleDocsUrl)
