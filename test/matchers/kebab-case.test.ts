import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { deburr, kebabCase, words } from '../../matchers/kebab-case.js'

// lodash is what jest-image-snapshot names files with; resolve it the way jest-image-snapshot does.
const requireFromJis = createRequire(createRequire(import.meta.url).resolve('jest-image-snapshot'))
const lodashKebabCase = requireFromJis('lodash/kebabCase') as (value: string) => string
const lodashDeburr = requireFromJis('lodash/deburr') as (value: string) => string
const lodashWords = requireFromJis('lodash/words') as (value: string) => string[]

const SAMPLES = [
  'cards.test.ts-renders the card-1',
  'cards.test.ts-Describe > nested > renders css4 styles-2',
  'a.test.tsx-XMLHttpRequest fooBar FOOBar-1',
  'x.spec.js-it’s a dog’s life-3',
  "x.spec.js-don't stop 1st 2nd 3rd 4th 11TH-1",
  'x-Crème brûlée à la mode-1',
  'x-Ærøskøbing ŁÓDŹ straße-1',
  'x-emoji 🎉 test 👍🏽 flags 🇫🇷-1',
  'x-  spaces\tand\nnewlines  -1',
  'x-snake_case and kebab-case and camelCase-12',
  'x-user@example.com #hash $100 50%-1',
  'x-日本語 テスト-1',
  'x-version 1.2.3-beta.4-1',
  'x-A1B2c3D4-1',
  'x-\u0301combining e\u0301-1',
  '',
  'plainascii',
  'ABC',
]

describe('kebabCase (lodash 4.17 semantics)', () => {
  it.each(SAMPLES)('matches lodash for %j', (sample) => {
    expect(kebabCase(sample)).toBe(lodashKebabCase(sample))
    expect(words(sample)).toEqual(lodashWords(sample))
  })

  it('splits letters from digits like lodash: css4 -> css-4', () => {
    expect(kebabCase('css4')).toBe('css-4')
  })

  it('deburrs every Latin-1 and Latin Extended-A letter like lodash', () => {
    for (let code = 0xc0; code <= 0x17f; code++) {
      const letter = String.fromCharCode(code)
      expect(deburr(letter), `U+${code.toString(16)}`).toBe(lodashDeburr(letter))
    }
  })

  it('matches lodash on 3000 random strings from a mixed alphabet', () => {
    const alphabet = [
      ...'abcXYZ019 -_.>/\'’@#éÅßØ\u0301\t🎉👍🏽🇫🇷日',
      'sT',
      'ND',
      '1st',
      '2ND',
    ]
    // A fixed-seed generator keeps the test reproducible.
    let seed = 42
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let n = 0; n < 3000; n++) {
      let value = ''
      const length = Math.floor(next() * 16)
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(next() * alphabet.length)]
      expect(kebabCase(value), JSON.stringify(value)).toBe(lodashKebabCase(value))
    }
  })
})
