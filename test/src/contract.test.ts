import { describe, expect, test } from 'vitest'
import { checkRenderedImage, validateImageMetadata, type Violation } from '../../src/index.js'

const ok = { id: 'small', size: { width: 48, height: 48 }, contentType: 'image/png', alt: 'Small' }

describe('validateImageMetadata: one violation per broken rule, exact messages', () => {
  const cases: Array<[string, unknown, { nextVersion?: 14 | 15 | 16; route?: string }, Violation[]]> = [
    ['a valid list', [ok, { id: 100 }, { id: 'medium' }], {}, []],
    ['an empty list', [], {}, []],
    ['numeric id 0 on 16', [{ id: 0 }], { nextVersion: 16 }, []],
    [
      'a Response instead of an array',
      new Response('x'),
      {},
      [{ code: 'not-an-array', path: '', message: 'generateImageMetadata returned a Response; expected an array of { id, size?, alt?, contentType? } items.' }],
    ],
    [
      'a promise',
      Promise.resolve([]),
      {},
      [{ code: 'not-an-array', path: '', message: 'generateImageMetadata returned a Promise (await it first); expected an array of { id, size?, alt?, contentType? } items.' }],
    ],
    [
      'null',
      null,
      {},
      [{ code: 'not-an-array', path: '', message: 'generateImageMetadata returned null; expected an array of { id, size?, alt?, contentType? } items.' }],
    ],
    [
      'an object',
      { id: 'a' },
      {},
      [{ code: 'not-an-array', path: '', message: 'generateImageMetadata returned an object; expected an array of { id, size?, alt?, contentType? } items.' }],
    ],
    [
      'too many items',
      Array.from({ length: 1001 }, (_, i) => ({ id: i + 1 })),
      {},
      [{ code: 'too-many-items', path: '', message: 'generateImageMetadata returned 1001 items; imgmeta checks at most 1000, expected fewer.' }],
    ],
    [
      'an item that is not an object',
      ['small'],
      {},
      [{ code: 'not-an-object', path: '[0]', message: 'item [0] is the string "small"; expected an object { id, size?, alt?, contentType? }.' }],
    ],
    [
      'a missing id on 16',
      [{ size: { width: 1, height: 1 } }],
      { nextVersion: 16 },
      [
        {
          code: 'missing-id',
          path: '[0].id',
          message:
            'item [0] has no id (found undefined): Next 16 builds the URL /undefined and fails with "id property is required for every item returned from generateImageMetadata". Expected a unique string or number id.',
        },
      ],
    ],
    [
      'a missing id on 14',
      [ok, { id: null }],
      { nextVersion: 14 },
      [
        {
          code: 'missing-id',
          path: '[1].id',
          message: 'item [1] has no id (found null): Next 14 serves it at the array index /1 and throws in development. Expected a unique string or number id.',
        },
      ],
    ],
    [
      'a falsy id on 15',
      [{ id: 0 }, { id: '' }],
      { nextVersion: 15 },
      [
        { code: 'falsy-id', path: '[0].id', message: 'id of item [0] is number 0: Next 15 treats a falsy id as missing and serves the item at the array index /0. Expected a non-empty id other than 0.' },
        { code: 'falsy-id', path: '[1].id', message: 'id of item [1] is the string "": Next 15 treats a falsy id as missing and serves the item at the array index /1. Expected a non-empty id other than 0.' },
      ],
    ],
    [
      'an id that is neither string nor number',
      [{ id: true }, { id: Number.NaN }],
      {},
      [
        { code: 'invalid-id', path: '[0].id', message: 'id of item [0] is boolean true; expected a string or a number.' },
        { code: 'invalid-id', path: '[1].id', message: 'id of item [1] is NaN; expected a finite number or a string.' },
      ],
    ],
    [
      'duplicate ids, compared as strings',
      [{ id: 100 }, { id: 'x' }, { id: '100' }],
      {},
      [
        {
          code: 'duplicate-id',
          path: '[2].id',
          message: 'id of item [2] is "100", the same as item [0]: Next serves only the first match, so this image is unreachable. Expected unique ids.',
        },
      ],
    ],
    [
      'an id with a slash, and an empty id on 16',
      [{ id: 'a/b' }, { id: '' }],
      { nextVersion: 16 },
      [
        {
          code: 'unroutable-id',
          path: '[0].id',
          message: 'id of item [0] is "a/b", which contains "/": the id fills a single URL segment, so this image can never be requested. Expected an id without / \\ ? #.',
        },
        { code: 'unroutable-id', path: '[1].id', message: 'id of item [1] is an empty string: its URL ends in "/" and no request can reach it. Expected a non-empty id.' },
      ],
    ],
    [
      'bad sizes',
      [
        { id: 'a', size: { width: 0, height: 1.5 } },
        { id: 'b', size: { width: 10000, height: '48' } },
        { id: 'c', size: 48 },
      ],
      {},
      [
        { code: 'invalid-size', path: '[0].size.width', message: 'size.width of item [0] is number 0; expected a whole number of pixels from 1 to 8192.' },
        { code: 'invalid-size', path: '[0].size.height', message: 'size.height of item [0] is number 1.5; expected a whole number of pixels from 1 to 8192.' },
        { code: 'invalid-size', path: '[1].size.width', message: 'size.width of item [1] is number 10000; expected a whole number of pixels from 1 to 8192.' },
        { code: 'invalid-size', path: '[1].size.height', message: 'size.height of item [1] is the string "48"; expected a whole number of pixels from 1 to 8192.' },
        { code: 'invalid-size', path: '[2].size', message: 'size of item [2] is number 48; expected { width, height } in pixels.' },
      ],
    ],
    [
      'bad content types',
      [
        { id: 'a', contentType: 'text/html' },
        { id: 'b', contentType: 5 },
      ],
      {},
      [
        {
          code: 'invalid-content-type',
          path: '[0].contentType',
          message:
            'contentType of item [0] is "text/html"; expected an image MIME type: image/png, image/jpeg, image/gif, image/webp, image/avif, image/svg+xml, image/x-icon, image/vnd.microsoft.icon, image/bmp.',
        },
        { code: 'invalid-content-type', path: '[1].contentType', message: 'contentType of item [1] is number 5; expected an image MIME type string such as "image/png".' },
      ],
    ],
    [
      'a non-string alt',
      [{ id: 'a', alt: { text: 'x' } }],
      {},
      [{ code: 'invalid-alt', path: '[0].alt', message: 'alt of item [0] is an object; expected a string.' }],
    ],
    [
      'unknown keys, with a hint for typos',
      [{ id: 'a', content_type: 'image/png', width: 48, color: 'red' }],
      {},
      [
        {
          code: 'unknown-key',
          path: '[0].content_type',
          message: 'item [0] has an unknown key "content_type" (did you mean "contentType"?); Next ignores it. Expected only id, alt, size, contentType.',
        },
        { code: 'unknown-key', path: '[0].width', message: 'item [0] has an unknown key "width" (did you mean "size"?); Next ignores it. Expected only id, alt, size, contentType.' },
        { code: 'unknown-key', path: '[0].color', message: 'item [0] has an unknown key "color"; Next ignores it. Expected only id, alt, size, contentType.' },
      ],
    ],
    [
      'a route below a catch-all',
      [ok],
      { route: 'app/docs/[...path]/icon.tsx' },
      [
        {
          code: 'catch-all-route',
          path: '',
          message:
            'app/docs/[...path]/icon.tsx sits below the catch-all segment [...path]: next build fails on 14 and 16 ("Catch-all must be the last part of the URL") and 15 answers 500 for every request of the app, with or without generateImageMetadata. Expected the image route above the catch-all.',
        },
      ],
    ],
  ]

  test.each(cases)('%s', (_name, items, options, expected) => {
    expect(validateImageMetadata(items, options)).toEqual(expected)
  })

  test('an optional catch-all is reported too, a plain dynamic segment is not', () => {
    expect(validateImageMetadata([ok], { route: 'app/docs/[[...path]]/icon.tsx' }).map((v) => v.code)).toEqual(['catch-all-route'])
    expect(validateImageMetadata([ok], { route: 'app/docs/[path]/icon.tsx' })).toEqual([])
  })

  test('every violation of every item is reported, not the first one', () => {
    const codes = validateImageMetadata(
      [{ size: { width: -1, height: 2 }, contentType: 'image/nope', alt: 3, type: 'x' }, { id: 'a/b' }, { id: 'a/b' }],
      { nextVersion: 16, route: 'app/[...x]/icon.tsx' },
    ).map((v) => `${v.code} ${v.path}`)
    expect(codes).toEqual([
      'catch-all-route ',
      'missing-id [0].id',
      'invalid-size [0].size.width',
      'invalid-content-type [0].contentType',
      'invalid-alt [0].alt',
      'unknown-key [0].type',
      'unroutable-id [1].id',
      'unroutable-id [2].id',
      'duplicate-id [2].id',
    ])
  })
})

describe('checkRenderedImage: declared vs rendered', () => {
  test('size and content type match', () => {
    expect(checkRenderedImage(ok, { width: 48, height: 48, contentType: 'image/png' })).toEqual([])
    expect(checkRenderedImage({ id: 'a' }, { width: 1200, height: 630, contentType: 'image/png' })).toEqual([])
  })

  test('a webp contentType over a PNG, and a declared 1024×768 over a 1200×630 render', () => {
    expect(
      checkRenderedImage({ id: 'a', size: { width: 1024, height: 768 }, contentType: 'image/webp' }, { width: 1200, height: 630, contentType: 'image/png' }, '[3]'),
    ).toEqual([
      {
        code: 'size-mismatch',
        path: '[3].size',
        message:
          'item [3] declares size 1024×768 but the image function rendered 1200×630; the tags would tell crawlers the wrong size. Expected them to match.',
      },
      {
        code: 'content-type-mismatch',
        path: '[3].contentType',
        message:
          'item [3] declares contentType "image/webp" but the image function answered "image/png"; contentType only changes the tag, not the image. Expected them to match.',
      },
    ])
  })

  test('no contentType means image/png, so a JPEG answer is a mismatch', () => {
    expect(checkRenderedImage({ id: 'a' }, { width: 1, height: 1, contentType: 'image/jpeg; charset=binary' }).map((v) => v.code)).toEqual([
      'content-type-mismatch',
    ])
  })
})
