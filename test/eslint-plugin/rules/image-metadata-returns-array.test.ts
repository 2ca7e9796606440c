import rule from '../../../eslint-plugin/rules/image-metadata-returns-array.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/icon.tsx'

ruleTester.run('image-metadata-returns-array', rule, {
  valid: [
    { filename: file, code: `export function generateImageMetadata() { return [{ id: 'a' }] }` },
    { filename: file, code: `export async function generateImageMetadata({ params }) {\n  try {\n    const p = await load(params.slug)\n    if (!p) return []\n    return [{ id: p.id }]\n  } catch {\n    return []\n  }\n}` },
    // What a call returns cannot be known: silent.
    { filename: file, code: `export async function generateImageMetadata() { return fetchItems() }` },
    { filename: file, code: `export function generateImageMetadata(x) { switch (x) { case 1: return [] ; default: throw new Error('no') } }` },
    // Not an image route.
    { filename: 'app/page.tsx', code: `export function generateImageMetadata() { return null }` },
    // A helper's array.
    { filename: file, code: `const none = () => []\nexport function generateImageMetadata() { return none() }` },
  ],
  invalid: [
    {
      filename: file,
      code: `export async function generateImageMetadata({ params }) {\n  const p = await load(params.slug)\n  if (!p) return new Response('Not found', { status: 404 })\n  return [{ id: p.id }]\n}`,
      errors: [{ messageId: 'notAnArray', line: 3, data: { what: 'a Response' } }],
    },
    {
      filename: file,
      code: `export async function generateImageMetadata({ params }) {\n  const p = await load(params.slug)\n  if (p) return [{ id: p.id }]\n}`,
      errors: [{ messageId: 'fallsOff', line: 4 }],
    },
    {
      filename: file,
      code: `const EMPTY = undefined\nexport function generateImageMetadata(x) {\n  if (x) return\n  return x ? EMPTY : null\n}`,
      errors: [
        { messageId: 'notAnArray', line: 3, data: { what: '`null` or `undefined`' } },
        { messageId: 'notAnArray', line: 4, data: { what: '`null` or `undefined`' } },
      ],
    },
  ],
})
