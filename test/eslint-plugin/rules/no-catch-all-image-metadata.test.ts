import tsParser from '@typescript-eslint/parser'
import { Linter } from 'eslint'
import { expect, test } from 'vitest'
import rule from '../../../eslint-plugin/rules/no-catch-all-image-metadata.js'
import { nextVersion, ruleTester } from '../rule-tester.js'

const gim = `export function generateImageMetadata() { return [{ id: 'a' }] }`
const icon = `export default function Icon() { return null }`

/** What each version was seen to do (docs/next-versions.md) with `app/docs/[...path]/icon.tsx`. */
const DOCS_ICON = {
  next16: 'Next 16 fails `next build` with the error: Catch-all must be the last part of the URL in route "/docs/[...path]/icon".',
  next16WithIds:
    'Next 16 fails `next build` with the error: Catch-all must be the last part of the URL in route "/docs/[...path]/icon/[__metadata_id__]".',
  next15: 'Next 15 builds it, then answers 500 to every request of the app, `/` included.',
  next14: 'Next 14 fails `next build` with the error: Catch-all must be the last part of the URL.',
}

/** The message data for `app/docs/[...path]/icon.tsx`. */
function docsIcon(consequence: string): { segment: string; consequence: string; above: string } {
  return { segment: '[...path]', consequence, above: 'app/docs/icon.tsx' }
}

ruleTester.run('no-catch-all-image-metadata', rule, {
  valid: [
    { filename: 'app/shop/[slug]/icon.tsx', code: gim },
    { filename: 'app/docs/icon.tsx', code: `${gim}\n${icon}` },
    // Not image routes: a page, a component, a `_private` folder.
    { filename: 'app/docs/[...path]/page.tsx', code: gim },
    { filename: 'app/docs/[...path]/icon-button.tsx', code: icon },
    { filename: 'app/docs/[...path]/_lib/icon.tsx', code: icon },
    // A catch-all route handler serving an image is what the message suggests.
    { filename: 'app/og/[...path]/route.tsx', code: `export function GET() { return new Response() }` },
  ],
  invalid: [
    {
      filename: 'app/docs/[...path]/icon.tsx',
      code: gim,
      errors: [
        {
          messageId: 'catchAll',
          line: 1,
          column: 17,
          endColumn: 38,
          data: docsIcon(DOCS_ICON.next16WithIds),
        },
      ],
    },
    {
      // Without generateImageMetadata it fails all the same: reported at the image function.
      filename: 'app/docs/[...path]/icon.tsx',
      code: icon,
      errors: [
        {
          messageId: 'catchAll',
          line: 1,
          column: 16,
          endColumn: 47,
          data: docsIcon(DOCS_ICON.next16),
        },
      ],
    },
    {
      // Both exports: one report, at generateImageMetadata.
      filename: 'app/docs/[...path]/icon.tsx',
      code: `${icon}\n${gim}`,
      errors: [{ messageId: 'catchAll', line: 2, column: 17 }],
    },
    {
      filename: 'app/docs/[...path]/icon.tsx',
      code: icon,
      settings: nextVersion(15),
      errors: [{ messageId: 'catchAll', line: 1, data: docsIcon(DOCS_ICON.next15) }],
    },
    {
      filename: 'app/docs/[...path]/icon.tsx',
      code: gim,
      settings: nextVersion(14),
      errors: [{ messageId: 'catchAll', line: 1, data: docsIcon(DOCS_ICON.next14) }],
    },
    {
      // 14 says the same for an optional catch-all.
      filename: 'app/files/[[...path]]/icon.tsx',
      code: icon,
      settings: nextVersion(14),
      errors: [
        {
          messageId: 'catchAll',
          data: { segment: '[[...path]]', consequence: DOCS_ICON.next14, above: 'app/files/icon.tsx' },
        },
      ],
    },
    {
      filename: 'src/app/[[...slug]]/(g)/opengraph-image.js',
      code: `const g = () => []\nexport { g as generateImageMetadata }`,
      errors: [
        {
          messageId: 'catchAll',
          line: 2,
          column: 15,
          data: {
            segment: '[[...slug]]',
            // The group adds its suffix to the route, as in every image URL below a group.
            consequence:
              'Next 16 fails `next build` with the error: Optional catch-all must be the last part of the URL in route ' +
              '"/[[...slug]]/opengraph-image-1qy3qi/[__metadata_id__]".',
            above: 'src/app/opengraph-image.js',
          },
        },
      ],
    },
    {
      // A re-export still exports the name: the build fails all the same.
      filename: 'app/docs/[...path]/twitter-image.ts',
      code: `export { generateImageMetadata } from '../meta'`,
      errors: [{ messageId: 'catchAll', line: 1, column: 10 }],
    },
    {
      // `export { x as default }`: reported at `default`.
      filename: 'app/[lang]/docs/[...path]/more/apple-icon.jsx',
      code: `function Icon() { return null }\nexport { Icon as default }`,
      errors: [
        {
          messageId: 'catchAll',
          line: 2,
          column: 18,
          endColumn: 25,
          data: {
            segment: '[...path]',
            consequence:
              'Next 16 fails `next build` with the error: Catch-all must be the last part of the URL in route ' +
              '"/[lang]/docs/[...path]/more/apple-icon".',
            above: 'app/[lang]/docs/apple-icon.jsx',
          },
        },
      ],
    },
    {
      // A route file that exports neither is still a route: reported at the top of the file.
      filename: 'app/docs/[...path]/opengraph-image2.tsx',
      code: `// draft\nexport const alt = 'Docs'`,
      errors: [{ messageId: 'catchAll', line: 1, column: 1, endLine: undefined, endColumn: undefined }],
    },
  ],
})

test('the whole message, as a user reads it', () => {
  const linter = new Linter({ cwd: '/project' })
  const messages = linter.verify(
    icon,
    [
      {
        files: ['**/*.tsx'],
        plugins: { imgmeta: { rules: { 'no-catch-all-image-metadata': rule as never } } },
        languageOptions: { parser: tsParser as never },
        settings: nextVersion(16),
        rules: { 'imgmeta/no-catch-all-image-metadata': 'error' },
      },
    ],
    { filename: '/project/app/docs/[...path]/opengraph-image.tsx' },
  )
  expect(messages.map((m) => m.message)).toEqual([
    'This image route is below the catch-all folder "[...path]", where no Next version serves it, with or without ' +
      '`generateImageMetadata`. Next 16 fails `next build` with the error: Catch-all must be the last part of the URL ' +
      'in route "/docs/[...path]/opengraph-image". Move it to a folder above the catch-all ("app/docs/opengraph-image.tsx"), ' +
      'or serve the image from a route handler (`route.ts`) and give its URL in the page metadata (`openGraph.images`, ' +
      '`twitter.images` or `icons`).',
  ])
})
