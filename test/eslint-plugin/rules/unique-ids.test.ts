import rule from '../../../eslint-plugin/rules/unique-ids.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/opengraph-image.tsx'

ruleTester.run('unique-ids', rule, {
  valid: [
    // The same id on two paths that never meet (if/else, a ternary): each returned array is unique.
    {
      filename: 'app/icon.tsx',
      code: `export function generateImageMetadata(x) {\n  if (x) return [{ id: 'small' }]\n  else return [{ id: 'small' }, { id: 'large' }]\n}`,
    },
    { filename: 'app/icon.tsx', code: `export const generateImageMetadata = (x) => (x ? [{ id: 'a' }] : [{ id: 'a' }])` },
    { filename: file, code: `export function generateImageMetadata() { return [{ id: 'a' }, { id: 'b' }, { id: 1 }] }` },
    // Ids computed at run time cannot be compared.
    { filename: file, code: `export function generateImageMetadata() { return [1, 1].map((n) => ({ id: n })) }` },
    { filename: file, code: `export function generateImageMetadata({ params }) { return [{ id: params.a }, { id: params.a }] }` },
    { filename: 'app/page.tsx', code: `export function generateImageMetadata() { return [{ id: 'a' }, { id: 'a' }] }` },
  ],
  invalid: [
    {
      filename: file,
      code: `export function generateImageMetadata() {\n  return [\n    { id: 'small' },\n    { id: 'small' },\n  ]\n}`,
      errors: [{ messageId: 'duplicateId', line: 4, column: 11, data: { id: 'small', line: 3 } }],
    },
    {
      // Next compares String(id): 1 and '1' are the same URL segment.
      filename: 'app/icon.js',
      code: `export const generateImageMetadata = () => [{ id: 1 }, { id: '1' }, { id: \`1\` }]`,
      errors: [
        { messageId: 'duplicateId', line: 1, column: 62 },
        { messageId: 'duplicateId', line: 1, column: 75 },
      ],
    },
  ],
})
