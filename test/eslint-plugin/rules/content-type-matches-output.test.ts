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
      output: `${image}\nexport function generateImageMetadata() {\n  return [{ id: 'a', contentType: 'image/png' }]\n}`,
      errors: [{ messageId: 'contentTypeMismatch', line: 4, column: 35, endColumn: 47, data: { declared: 'image/webp' } }],
    },
    {
      // Without generateImageMetadata the file-level export is the declaration; renamed imports count.
      filename: 'app/icon.js',
      code: `import { ImageResponse as R } from 'next/og'\nexport const contentType = 'image/jpeg'\nexport default async () => new R(<div />, { width: 32, height: 32 })`,
      output: `import { ImageResponse as R } from 'next/og'\nexport const contentType = 'image/png'\nexport default async () => new R(<div />, { width: 32, height: 32 })`,
      errors: [{ messageId: 'contentTypeMismatch', line: 2, column: 28 }],
    },
    {
      // A catch that answers an error is not the image: the ImageResponse of the try is what browsers get.
      filename: 'app/icon.tsx',
      code: `import { ImageResponse } from 'next/og'
const ICONS = [16, 32, 48] as const
export function generateImageMetadata() {
  return ICONS.map((side) => ({ id: \`\${side}\`, size: { width: side, height: side }, contentType: 'image/x-icon' }))
}
export default async function Icon() {
  try {
    return new ImageResponse(<div />, { width: 512, height: 512 })
  } catch (error) {
    return new Response('Failed to render', { status: 500 })
  }
}`,
      output: `import { ImageResponse } from 'next/og'
const ICONS = [16, 32, 48] as const
export function generateImageMetadata() {
  return ICONS.map((side) => ({ id: \`\${side}\`, size: { width: side, height: side }, contentType: 'image/png' }))
}
export default async function Icon() {
  try {
    return new ImageResponse(<div />, { width: 512, height: 512 })
  } catch (error) {
    return new Response('Failed to render', { status: 500 })
  }
}`,
      errors: [{ messageId: 'contentTypeMismatch', line: 4, data: { declared: 'image/x-icon' } }],
    },
    {
      // The value followed to a module constant (shared, so reported without a fix).
      filename: 'app/icon.tsx',
      code: `import { ImageResponse } from 'next/og'
const TYPE = 'image/svg+xml' as const
export function generateImageMetadata() {
  return [{ id: 'a', contentType: TYPE }]
}
export default function Icon() {
  return renderIcon()
}
function renderIcon() {
  return new ImageResponse(<div />, { width: 32, height: 32 })
}`,
      output: null,
      errors: [{ messageId: 'contentTypeMismatch', line: 4, column: 35, data: { declared: 'image/svg+xml' } }],
    },
  ],
})
