import rule from '../../../eslint-plugin/rules/no-catch-all-image-metadata.js'
import { ruleTester } from '../rule-tester.js'

const gim = `export function generateImageMetadata() { return [{ id: 'a' }] }`

ruleTester.run('no-catch-all-image-metadata', rule, {
  valid: [
    { filename: 'app/shop/[slug]/icon.tsx', code: gim },
    // Under a catch-all without generateImageMetadata: Next serves it.
    { filename: 'app/docs/[...path]/icon.tsx', code: `export default function Icon() { return null }` },
    { filename: 'app/docs/[...path]/page.tsx', code: gim },
  ],
  invalid: [
    {
      filename: 'app/docs/[...path]/icon.tsx',
      code: gim,
      errors: [{ messageId: 'catchAll', line: 1, column: 17, endColumn: 38, data: { segment: '[...path]' } }],
    },
    {
      filename: 'src/app/[[...slug]]/(g)/opengraph-image.js',
      code: `const g = () => []\nexport { g as generateImageMetadata }`,
      errors: [{ messageId: 'catchAll', line: 2, column: 15, data: { segment: '[[...slug]]' } }],
    },
    {
      // A re-export still exports the name: the build fails all the same.
      filename: 'app/docs/[...path]/twitter-image.ts',
      code: `export { generateImageMetadata } from '../meta'`,
      errors: [{ messageId: 'catchAll', line: 1, column: 10 }],
    },
  ],
})
