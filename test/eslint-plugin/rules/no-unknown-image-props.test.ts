import rule from '../../../eslint-plugin/rules/no-unknown-image-props.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/icon.tsx'

ruleTester.run('no-unknown-image-props', rule, {
  valid: [
    { filename: file, code: `export default async function Icon({ params, id }) { return null }` },
    { filename: file, code: `export default function Icon(props) { return props.params && props.id }` },
    { filename: file, code: `export default function Icon({ params, ...rest }) { return rest }` },
    { filename: file, code: `export default function Icon() { return null }` },
    // Components are not image functions.
    { filename: 'app/shop/page.tsx', code: `export default function Page({ name }) { return name }` },
    // Defined elsewhere: silent.
    { filename: file, code: `import Icon from './icon-impl'\nexport default Icon` },
  ],
  invalid: [
    {
      filename: file,
      code: `export default function Icon({ params, name }: { params: unknown; name: string }) {\n  return name\n}`,
      errors: [{ messageId: 'unknownProp', line: 1, column: 40, endColumn: 44, data: { name: 'name' } }],
    },
    {
      filename: 'app/opengraph-image.js',
      code: `const Image = (props) => props.title + props.id\nexport default Image`,
      errors: [{ messageId: 'unknownProp', line: 1, column: 32, data: { name: 'title' } }],
    },
    {
      filename: 'app/twitter-image.ts',
      code: `function Image(props) {\n  const { id, color } = props\n  return [id, color]\n}\nexport { Image as default }`,
      errors: [{ messageId: 'unknownProp', line: 2, column: 15, data: { name: 'color' } }],
    },
    {
      filename: file,
      code: `export default ({ searchParams } = {}) => searchParams`,
      errors: [{ messageId: 'unknownProp', line: 1, column: 19 }],
    },
  ],
})
