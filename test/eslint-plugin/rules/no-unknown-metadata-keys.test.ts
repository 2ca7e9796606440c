import rule from '../../../eslint-plugin/rules/no-unknown-metadata-keys.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/icon.tsx'

ruleTester.run('no-unknown-metadata-keys', rule, {
  valid: [
    { filename: file, code: `export function generateImageMetadata() { return [{ id: 'a', alt: 'A', size: { width: 1, height: 1 }, contentType: 'image/png' }] }` },
    // Spreads are not read for keys: the object may be shared with other code.
    { filename: file, code: `const base = { rel: 'icon' }\nexport function generateImageMetadata() { return [{ id: 'a', ...base }] }` },
    { filename: 'app/layout.tsx', code: `export function generateImageMetadata() { return [{ id: 'a', rel: 'icon' }] }` },
  ],
  invalid: [
    {
      filename: file,
      code: `export function generateImageMetadata() {\n  return [{ id: 'a', type: 'image/png', sizes: '32x32' }]\n}`,
      errors: [
        {
          messageId: 'meantOther',
          line: 2,
          column: 22,
          data: { key: 'type', meant: 'contentType' },
          suggestions: [
            { messageId: 'rename', output: `export function generateImageMetadata() {\n  return [{ id: 'a', contentType: 'image/png', sizes: '32x32' }]\n}` },
          ],
        },
        {
          messageId: 'meantOther',
          line: 2,
          column: 41,
          data: { key: 'sizes', meant: 'size' },
          suggestions: [
            { messageId: 'rename', output: `export function generateImageMetadata() {\n  return [{ id: 'a', type: 'image/png', size: { width: 32, height: 32 } }]\n}` },
          ],
        },
      ],
    },
    {
      // Favicon link attributes, as authors of real files wrote them.
      filename: file,
      code: `export function generateImageMetadata() {\n  return [{ id: 'fav', rel: 'icon', url: '/favicon.ico', media: '(prefers-color-scheme: dark)' }]\n}`,
      errors: [
        { messageId: 'setByNext', data: { key: 'rel', why: 'Next sets `rel` from the file name (`icon`, `apple-icon`)' }, suggestions: [{ messageId: 'remove', output: `export function generateImageMetadata() {\n  return [{ id: 'fav', url: '/favicon.ico', media: '(prefers-color-scheme: dark)' }]\n}` }] },
        { messageId: 'setByNext', data: { key: 'url', why: 'Next writes the URL itself, from the route and the `id`' }, suggestions: [{ messageId: 'remove', output: `export function generateImageMetadata() {\n  return [{ id: 'fav', rel: 'icon', media: '(prefers-color-scheme: dark)' }]\n}` }] },
        { messageId: 'setByNext', suggestions: [{ messageId: 'remove', output: `export function generateImageMetadata() {\n  return [{ id: 'fav', rel: 'icon', url: '/favicon.ico' }]\n}` }] },
      ],
    },
    {
      filename: file,
      code: `export function generateImageMetadata() { return [{ id: 'a', title: 'x' }] }`,
      errors: [{ messageId: 'unknownKey', data: { key: 'title' }, suggestions: [{ messageId: 'remove', output: `export function generateImageMetadata() { return [{ id: 'a' }] }` }] }],
    },
  ],
})
