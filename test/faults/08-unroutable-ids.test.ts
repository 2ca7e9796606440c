// Item 8: ids whose URL decodes to another id, and the ids ".", "..", "%2F", passed validation.
import { describe, expect, test } from 'vitest'
import { validateImageMetadata } from '../../src/contract.js'

function unroutable(ids: string[]): { code: string; path: string; message: string }[] {
  const items = ids.map((id) => ({ id, size: { width: 10, height: 10 }, contentType: 'image/png' }))
  return validateImageMetadata(items, { nextVersion: 16 }).filter((v) => v.code === 'unroutable-id')
}

describe('8. ids that are not routable are contract violations', () => {
  test('8. "x:y" and "x%3Ay" share one URL: the second is unroutable, naming the item Next serves there', () => {
    const violations = unroutable(['x:y', 'x%3Ay'])
    expect(violations).toEqual([
      {
        code: 'unroutable-id',
        path: '[1].id',
        message:
          'id of item [1] is "x%3Ay": its URL decodes to "x:y" before Next matches ids; Next serves item [0]\'s image there, so both ids share one URL. Expected an id without percent escapes.',
      },
    ])
  })

  test('8. ".", "..", "%2F" and "a/b" are unroutable; "%" alone is a malformed escape', () => {
    const violations = unroutable(['.', '..', '%2F', 'a/b', '100%', 'fine'])
    expect(violations.map((v) => v.path)).toEqual(['[0].id', '[1].id', '[2].id', '[3].id', '[4].id'])
    expect(violations[0]!.message).toContain('URLs resolve a "." segment away')
    expect(violations[1]!.message).toContain('URLs resolve a ".." segment away')
    expect(violations[2]!.message).toContain('its URL decodes to "/" before Next matches ids; no item has that id, so Next answers 404')
    expect(violations[3]!.message).toContain('which contains "/"')
    expect(violations[4]!.message).toContain('malformed percent escape')
  })
})
