import rule from '../../../eslint-plugin/rules/require-id.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/icon.tsx'

ruleTester.run('require-id', rule, {
  valid: [
    { filename: file, code: `export function generateImageMetadata() { return [{ id: 'a' }, { id: 1 }] }` },
    // Spreads may bring the id; values it cannot see are not reported.
    { filename: file, code: `const base = { id: 'a' }\nexport function generateImageMetadata() { return [{ ...base }] }` },
    { filename: file, code: `import { items } from './items'\nexport function generateImageMetadata() { return items }` },
    { filename: file, code: `export function generateImageMetadata() { return load().map((x) => x) }` },
    // Not an image route: another rule's business.
    { filename: 'app/shop/page.tsx', code: `export function generateImageMetadata() { return [{ alt: 'x' }] }` },
    { filename: 'lib/icon.tsx', code: `export function generateImageMetadata() { return [{ alt: 'x' }] }` },
    // Re-exported from another module: silent.
    { filename: file, code: `export { generateImageMetadata } from './meta'` },
    { filename: file, code: `export * from './meta'` },
  ],
  invalid: [
    {
      filename: file,
      code: `export function generateImageMetadata() {\n  return [{ id: 'a' }, { alt: 'b' }]\n}`,
      errors: [{ messageId: 'missingId', line: 2, column: 24, endColumn: 36, suggestions: [{ messageId: 'addId', output: `export function generateImageMetadata() {\n  return [{ id: 'a' }, { id: '1', alt: 'b' }]\n}` }] }],
    },
    {
      filename: 'app/icon.ts',
      code: `export const generateImageMetadata = async () => [{ size: { width: 1, height: 1 } }]`,
      errors: [{ messageId: 'missingId', line: 1, column: 51, suggestions: [{ messageId: 'addId', output: `export const generateImageMetadata = async () => [{ id: '0', size: { width: 1, height: 1 } }]` }] }],
    },
    {
      filename: 'app/opengraph-image.js',
      code: `const sizes = [48, 72]\nexport function generateImageMetadata() {\n  return sizes.map((s) => ({ size: { width: s, height: s } }))\n}`,
      errors: [{ messageId: 'missingId', line: 3, column: 28 }],
    },
    {
      filename: file,
      code: `export function generateImageMetadata() {\n  const items = [{ alt: 'a' }]\n  return items\n}`,
      errors: [{ messageId: 'missingId', line: 2, column: 18, suggestions: [{ messageId: 'addId', output: `export function generateImageMetadata() {\n  const items = [{ id: '0', alt: 'a' }]\n  return items\n}` }] }],
    },
    {
      filename: file,
      code: `export function generateImageMetadata() {\n  return Array.from([1, 2], (n) => {\n    return { alt: String(n) }\n  })\n}`,
      errors: [{ messageId: 'missingId', line: 3, column: 12 }],
    },
    {
      // `export { x as generateImageMetadata }`, a const arrow, and a conditional return.
      filename: 'src/app/(group)/apple-icon2.jsx',
      code: `const gen = (p) => (p ? [{ id: 'a' }] : [{ alt: 'b' }])\nexport { gen as generateImageMetadata }`,
      errors: [{ messageId: 'missingId', line: 1, column: 42, suggestions: [{ messageId: 'addId', output: `const gen = (p) => (p ? [{ id: 'a' }] : [{ id: '0', alt: 'b' }])\nexport { gen as generateImageMetadata }` }] }],
    },
    {
      filename: file,
      code: `async function generateImageMetadata() {\n  const first = { alt: 'a' }\n  return [first, ...[{ alt: 'b' }]]\n}\nexport { generateImageMetadata }`,
      errors: [
        { messageId: 'missingId', line: 2, column: 17 },
        { messageId: 'missingId', line: 3, column: 22, suggestions: [{ messageId: 'addId', output: `async function generateImageMetadata() {\n  const first = { alt: 'a' }\n  return [first, ...[{ id: '0', alt: 'b' }]]\n}\nexport { generateImageMetadata }` }] },
      ],
    },
  ],
})
