// imgmeta/eslint-plugin: static checks of Next.js metadata image routes, with flat configs.
import tsParser from '@typescript-eslint/parser'
import type { TSESLint } from '@typescript-eslint/utils'
import type { ESLint, Linter } from 'eslint'
import { DEFAULT_PAGE_EXTENSIONS } from '../src/route.js'
import { readPackageInfo } from './utils/package-info.js'
import { rules } from './rules/index.js'

export type { ImgmetaSettings } from './utils/next-version.js'

const { name, version } = readPackageInfo()

/** The prefix rules are configured under: `imgmeta/require-id`. */
const PLUGIN_PREFIX = 'imgmeta'

/** Files of the two app roots Next accepts, with the extensions it runs as code. */
const APP_FILES: string[] = ['app', 'src/app'].map((root) => `${root}/**/*.{${DEFAULT_PAGE_EXTENSIONS.join(',')}}`)

type RuleName = keyof typeof rules

// Findings that break something are errors; those with no run-time effect warn (see each rule's doc).
const recommendedRules = Object.fromEntries(
  (Object.keys(rules) as RuleName[])
    .filter((rule) => rules[rule].meta.docs?.recommended === true)
    .map((rule) => [`${PLUGIN_PREFIX}/${rule}`, rules[rule].meta.docs?.recommendedSeverity ?? 'error']),
) satisfies TSESLint.FlatConfig.Rules

const strictRules = Object.fromEntries(
  (Object.keys(rules) as RuleName[]).map((rule) => {
    const options = rules[rule].meta.docs?.strictOptions
    return [`${PLUGIN_PREFIX}/${rule}`, options ? ['error', ...options] : 'error']
  }),
) satisfies TSESLint.FlatConfig.Rules

/** The plugin object of flat config: `plugins: { imgmeta: plugin }`. */
export interface ImgmetaPlugin {
  meta: { name: string; version: string }
  rules: typeof rules
  configs: {
    /** Every rule, syntactic: no type information needed. Scoped to `app/` and `src/app/`. */
    recommended: Linter.Config
    /** The same rules with type information (projectService), so that aliases and interfaces are resolved. */
    'recommended-type-checked': Linter.Config
    /** `recommended` with every rule an error, the ones without run-time effect included. */
    strict: Linter.Config
  }
}

const plugin = {
  meta: { name: `${name}/eslint-plugin`, version },
  rules,
  configs: {} as ImgmetaPlugin['configs'],
} satisfies ImgmetaPlugin

const base = {
  files: APP_FILES,
  // typescript-eslint's rule types and ESLint's differ only in how strictly they are written.
  plugins: { [PLUGIN_PREFIX]: plugin as unknown as ESLint.Plugin },
  rules: recommendedRules,
}

plugin.configs.recommended = {
  name: `${PLUGIN_PREFIX}/recommended`,
  ...base,
  // Image routes are .tsx/.jsx: a user's config of three lines sets no parser, so this one does.
  languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
}

plugin.configs['recommended-type-checked'] = {
  name: `${PLUGIN_PREFIX}/recommended-type-checked`,
  ...base,
  languageOptions: {
    parser: tsParser as Linter.Parser,
    parserOptions: { ecmaFeatures: { jsx: true }, projectService: true },
  },
}

plugin.configs.strict = {
  ...plugin.configs.recommended,
  name: `${PLUGIN_PREFIX}/strict`,
  rules: strictRules,
}

// The named exports mirror the default one, for tools that load the module namespace (eslint-doc-generator).
export const { meta, configs } = plugin
export { rules }
export default plugin as ImgmetaPlugin
