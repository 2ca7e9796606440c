import rule from '../../../eslint-plugin/rules/valid-image-route.js'
import { ruleTester } from '../rule-tester.js'

const gim = `export function generateImageMetadata() { return [{ id: 'a' }] }`

ruleTester.run('valid-image-route', rule, {
  valid: [
    { filename: 'app/shop/[slug]/icon.tsx', code: gim },
    // File-level metadata without generateImageMetadata is what Next reads.
    { filename: 'app/icon.tsx', code: `export const size = { width: 32, height: 32 }\nexport const contentType = 'image/png'` },
    // Helpers outside route files may export anything.
    { filename: 'app/_lib/meta.ts', code: gim },
    { filename: 'app/components/icon-grid.tsx', code: gim },
    { filename: 'lib/page.tsx', code: gim },
    { filename: 'app/page.tsx', code: `export function generateMetadata() { return {} }` },
    // An export every item repeats is no-redundant-file-metadata's (a warning).
    { filename: 'app/icon.tsx', code: `export const size = { width: 32, height: 32 }\nexport function generateImageMetadata() { return [{ id: 'a', size }] }` },
  ],
  invalid: [
    {
      filename: 'app/shop/page.tsx',
      code: gim,
      errors: [{ messageId: 'notAnImageRoute', line: 1, column: 17, data: { file: 'page.tsx', hint: '; for page metadata use `generateMetadata`' } }],
    },
    {
      filename: 'src/app/(marketing)/layout.js',
      code: `const generateImageMetadata = () => []\nexport { generateImageMetadata }`,
      errors: [{ messageId: 'notAnImageRoute', line: 2, column: 10 }],
    },
    {
      filename: 'app/blog/route.ts',
      code: gim,
      errors: [{ messageId: 'notAnImageRoute', data: { file: 'route.ts', hint: '' } }],
    },
    {
      filename: 'app/[slug]/opengraph-image.tsx',
      code: [
        `export const size = { width: 1200, height: 630 }`,
        `const contentType = 'image/png'`,
        `export { contentType }`,
        `export const alt = 'About'`,
        gim,
      ].join('\n'),
      errors: [
        {
          messageId: 'ignoredExport',
          line: 1,
          column: 14,
          data: { name: 'size', consequence: ', and no item has one: no tag gets this value' },
          suggestions: [
            {
              messageId: 'moveIntoItems',
              output: [
                `const size = { width: 1200, height: 630 }`,
                `const contentType = 'image/png'`,
                `export { contentType }`,
                `export const alt = 'About'`,
                `export function generateImageMetadata() { return [{ size, id: 'a' }] }`,
              ].join('\n'),
            },
          ],
        },
        // \`export { x }\` is not rewritten: the name may be exported for other reasons.
        { messageId: 'ignoredExport', line: 3, column: 10, data: { name: 'contentType', consequence: ', and no item has one: no tag gets this value' }, suggestions: [] },
        {
          messageId: 'ignoredExport',
          line: 4,
          column: 14,
          data: { name: 'alt', consequence: ', and no item has one: no tag gets this value' },
          suggestions: [
            {
              messageId: 'moveIntoItems',
              output: [
                `export const size = { width: 1200, height: 630 }`,
                `const contentType = 'image/png'`,
                `export { contentType }`,
                `const alt = 'About'`,
                `export function generateImageMetadata() { return [{ alt, id: 'a' }] }`,
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Items with another value: the export is ignored, not redundant.
      filename: 'app/[slug]/opengraph-image.tsx',
      code: `export const alt = 'About'\nexport function generateImageMetadata() { return [{ id: 'a', alt: 'Other' }] }`,
      errors: [{ messageId: 'ignoredExport', data: { name: 'alt', consequence: '' }, suggestions: [] }],
    },
  ],
})
