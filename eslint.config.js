// ESLint for imgmeta's own sources. Fixture apps carry deliberate mistakes and are linted only by tests.
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'test/eslint-plugin/corpus/', 'test/next/', 'test/real-world/', 'examples/', '**/.next/', '**/.tmp/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
