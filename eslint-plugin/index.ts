// eslint-plugin-imgmeta (re-exported as imgmeta/eslint-plugin): static checks of Next.js metadata image routes,
// with flat configs and .eslintrc configs.
import { createRequire } from 'node:module'
import tsParser from '@typescript-eslint/parser'
import type { TSESLint } from '@typescript-eslint/utils'
import type { ESLint, Linter } from 'eslint'
import { DEFAULT_PAGE_EXTENSIONS } from '../src/route.js'
import { readPackageInfo } from './utils/package-info.js'
import { rules } from './rules/index.js'

export type { ImgmetaSettings } from './utils/next-version.js'

const { version } = readPackageInfo()

/** The package the rules are published in; ESLint 8's `plugins: ["imgmeta"]` resolves to it by this name. */
const PACKAGE_NAME = 'eslint-plugin-imgmeta'

/** The prefix rules are configured under: `imgmeta/require-id`. */
const PLUGIN_PREFIX = 'imgmeta'

/**
 * Files under an `app` folder at any depth, with the extensions Next runs as code: the two app roots Next
 * accepts (`app/`, `src/app/`) in a single project and in each package of a monorepo (`apps/web/app/`,
 * `apps/web/src/app/`), so that linting from the monorepo's root finds them. The rules act only on files named
 * as image routes (`opengraph-image.tsx`, `icon.tsx`, …), so other `app` folders cost nothing but a parse.
 */
const APP_FILES: string[] = [`**/app/**/*.{${DEFAULT_PAGE_EXTENSIONS.join(',')}}`]

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
    /** `recommended` for ESLint 8's `.eslintrc.*`: `"extends": ["plugin:imgmeta/recommended-legacy"]`. */
    'recommended-legacy': Linter.LegacyConfig
    /** `recommended-type-checked` for `.eslintrc.*`. */
    'recommended-type-checked-legacy': Linter.LegacyConfig
  }
}

const plugin = {
  meta: { name: PACKAGE_NAME, version },
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

// eslintrc resolves a parser by name from the config that names it; an absolute path needs no resolution, so the
// parser is the one installed with this package whichever folder the user's .eslintrc sits in.
const legacyParser = createRequire(import.meta.url).resolve('@typescript-eslint/parser')

plugin.configs['recommended-legacy'] = {
  plugins: [PLUGIN_PREFIX],
  overrides: [
    {
      files: APP_FILES,
      parser: legacyParser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
      rules: recommendedRules,
    },
  ],
}

plugin.configs['recommended-type-checked-legacy'] = {
  plugins: [PLUGIN_PREFIX],
  overrides: [
    {
      files: APP_FILES,
      parser: legacyParser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true }, projectService: true },
      rules: recommendedRules,
    },
  ],
}

// The named exports mirror the default one, for tools that load the module namespace (eslint-doc-generator).
export const { meta, configs } = plugin
export { rules }
export default plugin as ImgmetaPlugin
