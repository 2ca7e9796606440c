import path from 'node:path'
import rule from '../../../eslint-plugin/rules/no-client-component-in-image-response.js'
import { ROOT, ruleTester } from '../rule-tester.js'

/** A project on disk: the rule reads the imported modules' directives from their files. */
const PROJECT = path.join(ROOT, 'test/fixtures/eslint/local-modules')
const file = path.join(PROJECT, 'app/opengraph-image.tsx')
const header = `import { ImageResponse } from 'next/og'`

ruleTester.run('no-client-component-in-image-response', rule, {
  valid: [
    { filename: file, code: `${header}\nimport { Card } from '@/components/card'\nexport default function Image() { return new ImageResponse(<Card title="x" />) }` },
    // A client component elsewhere in the file is not rendered by ImageResponse.
    { filename: file, code: `import { Chart } from '../components/chart'\nexport function Page() { return <Chart label="x" /> }` },
    // Packages and unresolvable imports: silent.
    { filename: file, code: `${header}\nimport { Logo } from 'some-ui'\nimport { Mark } from '@/components/missing'\nexport default () => new ImageResponse(<div><Logo /><Mark /></div>)` },
  ],
  invalid: [
    {
      filename: file,
      code: `${header}\nimport { Chart } from '@/components/chart'\nexport default function Image() {\n  return new ImageResponse(<div><Chart label="visits" /></div>)\n}`,
      errors: [{ messageId: 'clientComponent', line: 4, data: { name: 'Chart', source: '@/components/chart' } }],
    },
    {
      // Rendered through a component of the same file.
      filename: file,
      code: `${header}\nimport { Chart } from '../components/chart'\nfunction Body() { return <section><Chart label="x" /></section> }\nexport default function Image() {\n  return new ImageResponse(<Body />)\n}`,
      errors: [{ messageId: 'clientComponent', line: 3, data: { name: 'Chart', source: '../components/chart' } }],
    },
  ],
})
