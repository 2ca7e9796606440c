import rule from '../../../eslint-plugin/rules/content-type-matches-output.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/opengraph-image.tsx'
const image = `import { ImageResponse } from 'next/og'\nexport default function Image() { return new ImageResponse(<div />) }`

ruleTester.run('content-type-matches-output', rule, {
  valid: [
    { filename: file, code: `${image}\nexport function generateImageMetadata() { return [{ id: 'a', contentType: 'image/png' }, { id: 'b' }] }` },
    // Not an ImageResponse: the function may well return JPEG bytes.
    {
      filename: file,
      code: `export default function Image() { return new Response(jpeg, { headers: { 'content-type': 'image/jpeg' } }) }\nexport function generateImageMetadata() { return [{ id: 'a', contentType: 'image/jpeg' }] }`,
    },
    // Some path returns something else: cannot tell.
    {
      filename: file,
      code: `import { ImageResponse } from 'next/og'\nexport default function Image({ id }) { if (id) return fetch(id); return new ImageResponse(<div />) }\nexport function generateImageMetadata() { return [{ id: 'a', contentType: 'image/jpeg' }] }`,
    },
    { filename: file, code: `${image}\nexport function generateImageMetadata() { return [{ id: 'a', contentType: type }] }` },
    { filename: file, code: `${image}\nexport const contentType = 'image/png'` },
  ],
  invalid: [
    {
      filename: file,
      code: `${image}\nexport function generateImageMetadata() {\n  return [{ id: 'a', contentType: 'image/webp' }]\n}`,
      errors: [{ messageId: 'contentTypeMismatch', line: 4, column: 35, endColumn: 47, data: { declared: 'image/webp' } }],
    },
    {
      // Without generateImageMetadata the file-level export is the declaration; renamed imports count.
      filename: 'app/icon.js',
      code: `import { ImageResponse as R } from 'next/og'\nexport const contentType = 'image/jpeg'\nexport default async () => new R(<div />, { width: 32, height: 32 })`,
      errors: [{ messageId: 'contentTypeMismatch', line: 2, column: 28 }],
    },
  ],
})
