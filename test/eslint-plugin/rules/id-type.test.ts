import rule from '../../../eslint-plugin/rules/id-type.js'
import { nextVersion, ruleTester, typedRuleTester } from '../rule-tester.js'

const file = 'app/shop/[slug]/icon.tsx'
const gim = `export function generateImageMetadata() { return [{ id: 1 }] }`

ruleTester.run('id-type', rule, {
  valid: [
    // Without strictTypes: `await id` is the string Next passes whatever the Promise is said to hold, and `await`
    // of a plain id before 16 is the id.
    { filename: file, settings: nextVersion(16), code: `${gim}\nexport default async function Icon({ id }: { id: Promise<number> }) { return String(await id) }` },
    { filename: file, settings: nextVersion(15), code: `${gim}\nexport default async function Icon({ id }: { id: Promise<string> }) { return await id }` },
    { filename: file, code: `${gim}\nexport default async function Icon({ id }: { id: Promise<string> }) { return null }` },
    { filename: file, code: `${gim}\nexport default async function Icon({ id }: { id: Promise<'small' | 'big'> }) { return null }` },
    { filename: file, settings: nextVersion(15), code: `${gim}\nexport default function Icon({ id }: { id: number }) { return null }` },
    { filename: file, settings: nextVersion(14), code: `${gim}\nexport default function Icon({ id }: { id: string | number }) { return null }` },
    // Without generateImageMetadata there is no id.
    { filename: file, code: `export default function Icon({ id }: { id: number }) { return null }` },
    // An alias cannot be read without type information.
    { filename: file, code: `${gim}\nexport default function Icon({ id }: { id: Id }) { return null }` },
    { filename: 'app/shop/[slug]/icon.js', code: `${gim}\nexport default function Icon({ id }) { return null }` },
  ],
  invalid: [
    {
      // id: string on 16 migrates like params: Promise type, awaited uses, async.
      filename: file,
      settings: nextVersion(16),
      code: `${gim}\nexport default function Icon({ id }: { id: string }) {\n  const side = id === 'small' ? 48 : 96\n  return render(id, side)\n}`,
      output: `${gim}\nexport default async function Icon({ id }: { id: Promise<string> }) {\n  const side = (await id) === 'small' ? 48 : 96\n  return render(await id, side)\n}`,
      errors: [{ messageId: 'expectedPromiseString', line: 2 }],
    },
    {
      filename: file,
      code: `${gim}\nexport default async function Icon({ id }: { id: number }) {\n  return null\n}`,
      errors: [{ messageId: 'expectedPromiseString', line: 2, column: 50, endColumn: 56, data: { version: 16 } }],
    },
    {
      filename: file,
      settings: nextVersion(16),
      code: `${gim}\nexport default async function Icon({ id }: { id: Promise<number> }) { return null }`,
      options: [{ strictTypes: true }],
      errors: [{ messageId: 'expectedPromiseString', line: 2, column: 50 }],
    },
    {
      filename: file,
      settings: nextVersion(16),
      code: `${gim}\nexport default async function Icon(props: { params: Promise<{ slug: string }>; id: string }) { return null }`,
      errors: [{ messageId: 'expectedPromiseString', line: 2, column: 84 }],
    },
    {
      filename: file,
      settings: nextVersion(15),
      code: `${gim}\nexport default async function Icon({ id }: { id: Promise<string> }) { return null }`,
      options: [{ strictTypes: true }],
      errors: [{ messageId: 'unexpectedPromise', line: 2, column: 50, data: { version: 15 } }],
    },
  ],
})

typedRuleTester.run('id-type (type information)', rule, {
  valid: [
    { filename: file, code: `${gim}\ntype Props = { id: Promise<string> }\nexport default async function Icon({ id }: Props) { return null }` },
    { filename: file, code: `${gim}\ntype Id = Promise<string>\nexport default async function Icon({ id }: { id: Id }) { return null }` },
  ],
  invalid: [
    {
      filename: file,
      code: `${gim}\ninterface Props { id: number }\nexport default async function Icon({ id }: Props) { return null }`,
      errors: [{ messageId: 'expectedPromiseString', line: 3, column: 44 }],
    },
    {
      filename: file,
      code: `${gim}\ntype Id = number\nexport default async function Icon({ id }: { id: Id }) { return null }`,
      errors: [{ messageId: 'expectedPromiseString', line: 3, column: 50 }],
    },
  ],
})
