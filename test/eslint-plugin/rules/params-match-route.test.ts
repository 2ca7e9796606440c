import rule from '../../../eslint-plugin/rules/params-match-route.js'
import { nextVersion, ruleTester, typedRuleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/icon.tsx'

ruleTester.run('params-match-route', rule, {
  valid: [
    // Without strictTypes a Promise type over a plain object is not reported: `await` returns the object.
    { filename: file, settings: nextVersion(15), code: `export default async function Icon({ params }: { params: Promise<{ slug: string }> }) { const { slug } = await params; return slug }` },
    { filename: file, settings: nextVersion(16), code: `export async function generateImageMetadata({ params }: { params: Promise<{ slug: string }> }) { return [] }` },
    // 16 (the installed next): generateImageMetadata plain, the image function behind a Promise.
    {
      filename: file,
      code: `export function generateImageMetadata({ params }: { params: { slug: string } }) { return [] }\nexport default async function Icon({ params }: { params: Promise<{ slug: string }> }) { return null }`,
    },
    {
      filename: file,
      settings: nextVersion(15),
      code: `export default function Icon({ params }: { params: { slug: string } }) { return null }`,
    },
    {
      filename: file,
      settings: nextVersion(14),
      code: `export const generateImageMetadata = ({ params }: { params: { readonly slug: 'a' | 'b' } }) => []`,
    },
    {
      filename: 'app/docs/[...path]/[[...rest]]/opengraph-image.tsx',
      settings: nextVersion(15),
      code: `export default function Image({ params }: { params: { path: string[]; rest?: Array<string> } }) { return null }`,
    },
    {
      filename: 'app/docs/[[...rest]]/twitter-image.tsx',
      settings: nextVersion(15),
      code: `export default function Image({ params }: { params: { rest: readonly string[] | undefined } }) { return null }`,
    },
    // Aliases need type information; without it the rule says nothing.
    {
      filename: file,
      code: `type Props = { params: { wrong: number } }\nexport default function Icon({ params }: Props) { return null }`,
    },
    { filename: file, code: `export default function Icon({ params }: { params: Params }) { return null }` },
    { filename: file, code: `export default function Icon({ params }) { return null }` },
    // .js files carry no types.
    { filename: 'app/shop/[slug]/icon.js', code: `export default function Icon({ params }) { return null }` },
    // A type listing fewer params than the route: Next passes the wider object, the code reads only locale.
    {
      filename: 'app/[locale]/[page_slug]/twitter-image.tsx',
      settings: nextVersion(14),
      code: `export default async function Image({ params }: { params: { locale: string } }) { return params.locale }`,
    },
    {
      filename: 'app/[locale]/[page_slug]/twitter-image.tsx',
      settings: nextVersion(16),
      code: `export default async function Image({ params }: { params: Promise<{ locale: string }> }) { const { locale } = await params; return locale }`,
    },
    // Passed on whole: what is read there is not known here.
    {
      filename: 'app/[locale]/[page_slug]/twitter-image.tsx',
      settings: nextVersion(14),
      code: `export function generateImageMetadata({ params }: { params: { locale: string } }) { return load(params) }`,
    },
  ],
  invalid: [
    {
      // The 15→16 migration: the type becomes a Promise, each use is awaited, the function becomes async.
      filename: 'app/blog/[slug]/opengraph-image.tsx',
      settings: nextVersion(16),
      code: [
        `export default function Image({ params }: { params: { slug: string } }) {`,
        `  const title = params.slug.toUpperCase()`,
        `  return render({ params, title })`,
        `}`,
      ].join('\n'),
      output: [
        `export default async function Image({ params }: { params: Promise<{ slug: string }> }) {`,
        `  const title = (await params).slug.toUpperCase()`,
        `  return render({ params: await params, title })`,
        `}`,
      ].join('\n'),
      errors: [{ messageId: 'expectedPromise', line: 1 }],
    },
    {
      // A use inside a callback cannot be awaited there: reported without a fix.
      filename: 'app/blog/[slug]/opengraph-image.tsx',
      settings: nextVersion(16),
      code: `export default async function Image({ params }: { params: { slug: string } }) { return load(() => params.slug) }`,
      output: null,
      errors: [{ messageId: 'expectedPromise' }],
    },
    {
      // Read but left out of the type (through await).
      filename: 'app/[locale]/[page_slug]/twitter-image.tsx',
      settings: nextVersion(16),
      code: `export default async function Image({ params }: { params: Promise<{ locale: string }> }) { return (await params).page_slug }`,
      errors: [{ messageId: 'missingParam', data: { name: 'page_slug', segment: '[page_slug]', optional: '', type: 'string' } }],
    },
    {
      filename: file,
      code: `export default function Icon({ params }: { params: { slug: string } }) {\n  return null\n}`,
      output: `export default async function Icon({ params }: { params: Promise<{ slug: string }> }) {\n  return null\n}`,
      errors: [{ messageId: 'expectedPromise', line: 1, column: 52, endColumn: 68, data: { version: 16, shape: '{ slug: string }', where: 'The image function' } }],
    },
    {
      filename: file,
      settings: nextVersion(16),
      code: `export function generateImageMetadata({ params }: { params: Promise<{ slug: string }> }) { return [] }`,
      // A Promise type over a plain object changes nothing at run time: strict only.
      options: [{ strictTypes: true }],
      errors: [{ messageId: 'unexpectedPromise', line: 1, column: 61, data: { version: 16, shape: '{ slug: string }', where: '`generateImageMetadata`' } }],
    },
    {
      filename: file,
      settings: nextVersion(15),
      code: `export default function Icon({ params }: { params: Promise<{ slug: string }> }) { return null }`,
      // A Promise type over a plain object changes nothing at run time: strict only.
      options: [{ strictTypes: true }],
      errors: [{ messageId: 'unexpectedPromise', line: 1, column: 52 }],
    },
    {
      filename: file,
      settings: nextVersion(14),
      code: `export default function Icon({ params, id }: { params: { id: string }; id: string }) { return params.slug }`,
      errors: [
        { messageId: 'missingParam', line: 1, column: 56, data: { name: 'slug', segment: '[slug]', optional: '', type: 'string' } },
        { messageId: 'unknownParam', line: 1, column: 58, data: { name: 'id', route: '/shop/[slug]/icon' } },
      ],
    },
    {
      filename: 'app/docs/[...path]/[[...rest]]/opengraph-image.tsx',
      settings: nextVersion(15),
      code: `export default function Image({ params }: { params: { path: string; rest: string[] } }) { return null }`,
      errors: [
        { messageId: 'wrongParamType', line: 1, column: 55, data: { name: 'path', segment: '[...path]', optional: '', type: 'string[]', expected: 'an array of strings' } },
        { messageId: 'wrongParamType', line: 1, column: 69, data: { name: 'rest', segment: '[[...rest]]', optional: '?', type: 'string[]', expected: 'an array of strings or absent' } },
      ],
    },
    {
      filename: 'src/app/[id]/icon.tsx',
      code: `const generateImageMetadata = ({ params }: { params: { id: number } }) => []\nexport { generateImageMetadata }`,
      errors: [{ messageId: 'wrongParamType', line: 1, column: 56 }],
    },
  ],
})

typedRuleTester.run('params-match-route (type information)', rule, {
  valid: [
    {
      filename: file,
      code: `interface Params { slug: string }\ntype Props = { params: Promise<Params> }\nexport default async function Icon({ params }: Props) { return null }`,
    },
    {
      filename: file,
      settings: nextVersion(15),
      code: `type Props = { params: { slug: string } }\nexport default function Icon(props: Props) { return null }`,
    },
  ],
  invalid: [
    {
      filename: file,
      code: `type Params = { slug: string[] }\ntype Props = { params: Params }\nexport default async function Icon({ params }: Props) { return null }`,
      errors: [
        { messageId: 'expectedPromise', line: 3, column: 48 },
        { messageId: 'wrongParamType', line: 3, column: 48, data: { name: 'slug', segment: '[slug]', optional: '', type: 'string', expected: 'a string' } },
      ],
    },
    {
      filename: file,
      code: `interface Params { other: string }\nexport function generateImageMetadata({ params }: { params: Params }) { const { slug } = params; return [{ id: slug }] }`,
      errors: [
        { messageId: 'missingParam', line: 2, column: 61 },
        { messageId: 'unknownParam', line: 2, column: 61, data: { name: 'other', route: '/shop/[slug]/icon' } },
      ],
    },
  ],
})
