import rule from '../../../eslint-plugin/rules/no-redundant-file-metadata.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/[locale]/opengraph-image.tsx'

ruleTester.run('no-redundant-file-metadata', rule, {
  valid: [
    // Without generateImageMetadata the export is what Next reads.
    { filename: file, code: `export const size = { width: 1200, height: 630 }\nexport default function Image() {}` },
    // Items with another value, or some without: valid-image-route's business.
    { filename: file, code: `export const alt = 'A'\nexport function generateImageMetadata() { return [{ id: 'a', alt: 'B' }] }` },
    { filename: file, code: `export const alt = 'A'\nexport function generateImageMetadata() { return [{ id: 'a', alt: 'A' }, { id: 'b' }] }` },
    // Items that cannot be read.
    { filename: file, code: `export const alt = 'A'\nexport function generateImageMetadata() { return load() }` },
  ],
  invalid: [
    {
      // Used by the image function too: only the export keyword goes.
      filename: file,
      code: `import { ImageResponse } from 'next/og'\nexport const size = { width: 1200, height: 630 }\nexport function generateImageMetadata() {\n  return [{ id: 'en', size }, { id: 'fr', size: { width: 1200, height: 630 } }]\n}\nexport default function Image() { return new ImageResponse(<div />, size) }`,
      output: `import { ImageResponse } from 'next/og'\nconst size = { width: 1200, height: 630 }\nexport function generateImageMetadata() {\n  return [{ id: 'en', size }, { id: 'fr', size: { width: 1200, height: 630 } }]\n}\nexport default function Image() { return new ImageResponse(<div />, size) }`,
      errors: [{ messageId: 'redundantExport', line: 2, data: { name: 'size' } }],
    },
    {
      // Used nowhere else: the statement goes.
      filename: file,
      code: `export const contentType = 'image/png'\nexport function generateImageMetadata() {\n  return ['en', 'fr'].map((id) => ({ id, contentType: 'image/png' }))\n}`,
      output: `export function generateImageMetadata() {\n  return ['en', 'fr'].map((id) => ({ id, contentType: 'image/png' }))\n}`,
      errors: [{ messageId: 'redundantExport', line: 1, data: { name: 'contentType' } }],
    },
  ],
})
