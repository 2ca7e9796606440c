import { describe, expect, test } from 'vitest'
import { headTags, type NextMajor, type ResolvedImage } from '../../src/index.js'

const social: ResolvedImage = {
  id: 'a',
  url: 'https://x.dev/opengraph-image/a?0123456789abcdef',
  pathname: '/opengraph-image/a',
  type: 'image/png',
  alt: 'Alt',
  width: 1200,
  height: 630,
}

const names = (tags: ReturnType<typeof headTags>) => tags.map((t) => t.attributes.property ?? t.attributes.name)

describe('og/twitter tag order per version (CONTRACT §7 wins over §3)', () => {
  const rows: Array<[NextMajor, string[], string[]]> = [
    [
      16,
      ['og:image', 'og:image:type', 'og:image:width', 'og:image:height', 'og:image:alt'],
      ['twitter:image', 'twitter:image:alt', 'twitter:image:type', 'twitter:image:width', 'twitter:image:height'],
    ],
    [
      15,
      ['og:image:alt', 'og:image:type', 'og:image', 'og:image:width', 'og:image:height'],
      ['twitter:image:alt', 'twitter:image:type', 'twitter:image', 'twitter:image:width', 'twitter:image:height'],
    ],
    [
      14,
      ['og:image:alt', 'og:image:type', 'og:image', 'og:image:width', 'og:image:height'],
      ['twitter:image:alt', 'twitter:image:type', 'twitter:image', 'twitter:image:width', 'twitter:image:height'],
    ],
  ]
  test.each(rows)('Next %i', (nextVersion, og, twitter) => {
    expect(names(headTags([social], 'opengraph-image', { nextVersion }))).toEqual(og)
    expect(names(headTags([social], 'twitter-image', { nextVersion }))).toEqual(twitter)
  })

  test('og uses property=, twitter uses name=, values as strings', () => {
    expect(headTags([social], 'opengraph-image')[0]).toEqual({ tag: 'meta', attributes: { property: 'og:image', content: social.url } })
    expect(headTags([social], 'twitter-image')[3]).toEqual({ tag: 'meta', attributes: { name: 'twitter:image:width', content: '1200' } })
  })

  test('the default version is 16', () => {
    expect(names(headTags([social], 'opengraph-image'))[0]).toBe('og:image')
  })
})

describe('empty or undefined values produce no tag', () => {
  test('og without alt and size', () => {
    const image: ResolvedImage = { id: 'a', url: '/o/a', pathname: '/o/a', type: 'image/png', alt: '' }
    expect(names(headTags([image], 'opengraph-image'))).toEqual(['og:image', 'og:image:type'])
  })

  test('icons: rel, href, type, sizes; apple-touch-icon for apple-icon', () => {
    const image: ResolvedImage = { id: 'a', url: '/icon/a?q', pathname: '/icon/a', type: 'image/png', sizes: '48x48' }
    expect(headTags([image], 'icon')).toEqual([{ tag: 'link', attributes: { rel: 'icon', href: '/icon/a?q', type: 'image/png', sizes: '48x48' } }])
    expect(headTags([{ ...image, sizes: undefined }], 'apple-icon')).toEqual([
      { tag: 'link', attributes: { rel: 'apple-touch-icon', href: '/icon/a?q', type: 'image/png' } },
    ])
  })
})
