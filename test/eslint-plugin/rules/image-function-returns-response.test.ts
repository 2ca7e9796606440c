import rule from '../../../eslint-plugin/rules/image-function-returns-response.js'
import { ruleTester } from '../rule-tester.js'

const file = 'app/blog/[slug]/opengraph-image.tsx'
const header = `import { ImageResponse } from 'next/og'`

ruleTester.run('image-function-returns-response', rule, {
  valid: [
    { filename: file, code: `${header}\nexport default function Image() { return new ImageResponse(<div />) }` },
    { filename: file, code: `${header}\nexport default async function Image({ params }) {\n  const post = await getPost((await params).slug)\n  if (!post) return new Response('Not found', { status: 404 })\n  try {\n    return new ImageResponse(<div>{post.title}</div>)\n  } catch (e) {\n    console.error(e)\n    return new Response('Failed', { status: 500 })\n  }\n}` },
    // Thrown errors and calls whose value cannot be known are not reported.
    { filename: file, code: `${header}\nexport default async function Image({ params }) { if (!params) throw new Error('x'); return render(params) }` },
    { filename: file, code: `import { notFound } from 'next/navigation'\nexport default function Image({ id }) { if (!id) notFound(); return make(id) }` },
    { filename: 'app/components/card.tsx', code: `export default function Card() { return <div /> }` },
  ],
  invalid: [
    {
      // JSX instead of an ImageResponse.
      filename: file,
      code: `export default function Image() {\n  return <div style={{ display: 'flex' }}>Hello</div>\n}`,
      errors: [{ messageId: 'notAResponse', line: 2, data: { what: 'a JSX element' } }],
    },
    {
      filename: file,
      code: `${header}\nexport default async function Image({ params }) {\n  const post = await getPost((await params).slug)\n  if (!post) return null\n  return new ImageResponse(<div>{post.title}</div>)\n}`,
      errors: [{ messageId: 'notAResponse', line: 4, data: { what: '`null` or `undefined`' } }],
    },
    {
      filename: file,
      code: `${header}\nexport default async function Image({ params }) {\n  const post = await getPost((await params).slug)\n  if (post) {\n    return new ImageResponse(<div>{post.title}</div>)\n  }\n}`,
      errors: [{ messageId: 'fallsOff', line: 7 }],
    },
  ],
})
