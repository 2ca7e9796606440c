// RuleTesters for the plugin's rules: syntactic (no type information) and typed (projectService).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { RuleTester } from '@typescript-eslint/rule-tester'

/** The repository root: typed tests' files live under its `app/`, a folder no tsconfig includes. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Parses .ts/.tsx/.js with JSX allowed, as the plugin's recommended config does; no type information. */
export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
})

/** Type-aware: files that do not exist on disk are parsed into TypeScript's default project. */
export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      ecmaFeatures: { jsx: true },
      tsconfigRootDir: ROOT,
      // Globs here cannot contain `**`.
      projectService: { allowDefaultProject: ['app/*.tsx', 'app/*/*.tsx', 'app/*/*/*.tsx', 'app/*/*/*/*.tsx'] },
    },
  },
})

/** Test-case settings pinning the Next major the rules check against. */
export function nextVersion(version: 14 | 15 | 16): { imgmeta: { nextVersion: number } } {
  return { imgmeta: { nextVersion: version } }
}
