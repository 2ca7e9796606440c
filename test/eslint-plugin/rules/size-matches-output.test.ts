import path from 'node:path'
import rule from '../../../eslint-plugin/rules/size-matches-output.js'
import { ROOT, ruleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/icon.tsx'
const header = `import { ImageResponse } from 'next/og'`

ruleTester.run('size-matches-output', rule, {
  valid: [
    {
      filename: file,
      code: `${header}\nexport function generateImageMetadata() { return [{ id: 'a', size: { width: 48, height: 48 } }] }\nexport default function Icon() { return new ImageResponse(<div />, { width: 48, height: 48 }) }`,
    },
    // The defaults are 1200x630.
    {
      filename: 'app/opengraph-image.tsx',
      code: `${header}\nexport const size = { width: 1200, height: 630 }\nexport default function Image() { return new ImageResponse(<div />) }`,
    },
    // Sizes computed from the id cannot be compared.
    {
      filename: file,
      code: `${header}\nexport function generateImageMetadata() { return [{ id: 'a', size: { width: 48, height: 48 } }] }\nexport default function Icon({ id }) { return new ImageResponse(<div />, { width: id === 'a' ? 48 : 72, height: 48 }) }`,
    },
    {
      filename: file,
      code: `${header}\nexport const size = { width: 32, height: 32 }\nexport default function Icon() { return new ImageResponse(<div />, { ...size }) }`,
    },
    // One of the returned sizes matches.
    {
      filename: file,
      code: `${header}\nexport function generateImageMetadata() { return [{ id: 'a', size: { width: 48, height: 48 } }, { id: 'b', size: { width: 72, height: 72 } }] }\nexport default async function Icon({ id }) {\n  if ((await id) === 'a') return new ImageResponse(<div />, { width: 48, height: 48 })\n  return new ImageResponse(<div />, { width: 72, height: 72 })\n}`,
    },
  ],
  invalid: [
    {
      filename: file,
      code: `${header}\nexport function generateImageMetadata() {\n  return [{ id: 'a', size: { width: 48, height: 48 } }]\n}\nexport default function Icon() { return new ImageResponse(<div />, { width: 72, height: 72 }) }`,
      errors: [
        {
          messageId: 'sizeMismatch',
          line: 3,
          column: 28,
          endColumn: 53,
          data: { declared: '48x48', rendered: '72x72', width: 48, height: 48 },
          suggestions: [
            {
              messageId: 'declareRendered',
              output: `${header}\nexport function generateImageMetadata() {\n  return [{ id: 'a', size: { width: 72, height: 72 } }]\n}\nexport default function Icon() { return new ImageResponse(<div />, { width: 72, height: 72 }) }`,
            },
            {
              messageId: 'renderDeclared',
              output: `${header}\nexport function generateImageMetadata() {\n  return [{ id: 'a', size: { width: 48, height: 48 } }]\n}\nexport default function Icon() { return new ImageResponse(<div />, { width: 48, height: 48 }) }`,
            },
          ],
        },
      ],
    },
    {
      filename: 'app/opengraph-image.ts',
      code: `${header}\nconst size = { width: 1024, height: 768 }\nexport { size }\nexport default function Image() { return new ImageResponse('x') }`,
      errors: [
        {
          messageId: 'noOutputSize',
          line: 2,
          column: 14,
          data: { declared: '1024x768', rendered: '1200x630', width: 1024, height: 768 },
          suggestions: [
            {
              messageId: 'declareRendered',
              output: `${header}\nconst size = { width: 1200, height: 630 }\nexport { size }\nexport default function Image() { return new ImageResponse('x') }`,
            },
          ],
        },
      ],
    },
    {
      // Options held in a constant are read too.
      filename: 'app/icon.js',
      code: `${header}\nconst options = { width: 64, height: 64 }\nexport const size = { width: 32, height: 32 }\nexport default () => new ImageResponse(<div />, options)`,
      errors: [
        {
          messageId: 'sizeMismatch',
          line: 3,
          column: 21,
          data: { declared: '32x32', rendered: '64x64', width: 32, height: 32 },
          suggestions: [
            {
              messageId: 'declareRendered',
              output: `${header}\nconst options = { width: 64, height: 64 }\nexport const size = { width: 64, height: 64 }\nexport default () => new ImageResponse(<div />, options)`,
            },
          ],
        },
      ],
    },
    {
      // Returned inside try, with an error answer in the catch: the sizes declared per item are checked.
      filename: 'app/icon.tsx',
      code: `${header}
const ICON_SIZES = [16, 32, 512] as const
export function generateImageMetadata() {
  return ICON_SIZES.map((side) => ({ id: String(side), size: { width: side, height: side } }))
}
export default async function Icon() {
  try {
    return new ImageResponse(<div />, { width: 512, height: 512 })
  } catch {
    return new Response('Failed', { status: 500 })
  }
}`,
      errors: [{ messageId: 'sizeMismatch', line: 4, data: { declared: '16x16', rendered: '512x512', width: 16, height: 16 } }],
    },
    {
      // Per-item sizes, rendered with a spread of a module constant.
      filename: 'app/blog/[slug]/opengraph-image.tsx',
      code: `${header}
export const size = { width: 1200, height: 630 }
export async function generateImageMetadata() {
  return [
    { id: 'small', size: { width: 300, height: 157 } },
    { id: 'large', size },
  ]
}
export default async function Image() {
  return new ImageResponse(<div />, { ...size })
}`,
      errors: [
        {
          messageId: 'sizeMismatch',
          line: 5,
          data: { declared: '300x157', rendered: '1200x630', width: 300, height: 157 },
          suggestions: [
            {
              messageId: 'declareRendered',
              output: `${header}
export const size = { width: 1200, height: 630 }
export async function generateImageMetadata() {
  return [
    { id: 'small', size: { width: 1200, height: 630 } },
    { id: 'large', size },
  ]
}
export default async function Image() {
  return new ImageResponse(<div />, { ...size })
}`,
            },
          ],
        },
      ],
    },
  ],
})

/** Values followed into imported project modules (`@/lib/og`): a project on disk. */
const PROJECT = path.join(ROOT, 'test/fixtures/eslint/local-modules')

ruleTester.run('size-matches-output (imported modules)', rule, {
  valid: [
    {
      filename: path.join(PROJECT, 'app/blog/[slug]/opengraph-image.tsx'),
      code: `import { OG_SIZE, renderCard } from '@/lib/og'\nexport const size = OG_SIZE\nexport default async function Image() { return renderCard('x') }`,
    },
    {
      // A helper's parameter that shadows a module constant is not read as the constant.
      filename: path.join(PROJECT, 'app/blog/[slug]/opengraph-image.tsx'),
      code: `import { renderSized } from '@/lib/og'\nexport const size = { width: 600, height: 315 }\nexport default async function Image() { return renderSized(size) }`,
    },
  ],
  invalid: [
    {
      // The declared sizes and the rendering helper both live in lib/og.tsx; reported at the export.
      filename: path.join(PROJECT, 'app/blog/[slug]/opengraph-image.tsx'),
      code: `import { ICON_SIZES, renderCard } from '../../../lib/og'\nexport function generateImageMetadata() {\n  return ICON_SIZES\n}\nexport default async function Image() { return renderCard('x') }`,
      errors: [
        { messageId: 'sizeMismatch', line: 2, data: { declared: '32x32', rendered: '1200x630', width: 32, height: 32 } },
        { messageId: 'sizeMismatch', line: 2, data: { declared: '64x64', rendered: '1200x630', width: 64, height: 64 } },
      ],
    },
  ],
})
