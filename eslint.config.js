// ESLint for imgmeta's own sources. Fixture apps carry deliberate mistakes and are linted only by tests.
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'test/eslint-plugin/corpus/', 'test/next/', 'test/real-world/', 'examples/', '**/.next/', '**/.tmp/'] },
  ...tseslint.configs.recommended,
  {
    // The CommonJS entries of the package exist to be loaded with require().
    files: ['entries/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
