import { describe, expect, test } from 'vitest'
import { headTags, type NextMajor, type ResolvedImage } from '../../src/index.js'
import { nextImageObject, socialImageTags, type SocialImage } from '../../src/head-tags.js'

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

describe('image objects from metadata: 14 and 15 follow the key order written, 16 its fixed order', () => {
  // As a user might write it in metadata.openGraph.images: alt first, height before width, a secureUrl.
  const written: SocialImage = { alt: 'A', secureUrl: 'https://x.dev/s.png', height: 300, url: 'https://x.dev/a.png', type: 'image/png', width: 600 }
  const tags = (image: SocialImage, convention: 'opengraph-image' | 'twitter-image', nextVersion: NextMajor) =>
    socialImageTags([image], convention, { nextVersion }).map((t) => `${t.attributes.property ?? t.attributes.name}=${t.attributes.content}`)

  test.each([14, 15] as const)('Next %i prints every key in order, url as og:image itself, camelCase as snake_case', (nextVersion) => {
    expect(tags(written, 'opengraph-image', nextVersion)).toEqual([
      'og:image:alt=A',
      'og:image:secure_url=https://x.dev/s.png',
      'og:image:height=300',
      'og:image=https://x.dev/a.png',
      'og:image:type=image/png',
      'og:image:width=600',
    ])
    expect(tags(written, 'twitter-image', nextVersion)[3]).toBe('twitter:image=https://x.dev/a.png')
  })

  test('Next 16 prints its fixed order whatever order the object has', () => {
    expect(tags(written, 'opengraph-image', 16)).toEqual([
      'og:image=https://x.dev/a.png',
      'og:image:secure_url=https://x.dev/s.png',
      'og:image:type=image/png',
      'og:image:width=600',
      'og:image:height=300',
      'og:image:alt=A',
    ])
    expect(tags(written, 'twitter-image', 16)).toEqual([
      'twitter:image=https://x.dev/a.png',
      'twitter:image:alt=A',
      'twitter:image:secure_url=https://x.dev/s.png',
      'twitter:image:type=image/png',
      'twitter:image:width=600',
      'twitter:image:height=300',
    ])
  })

  test('a width of 0 prints 0 on 14 and 15 and nothing on 16; undefined, null and empty values print nothing', () => {
    const image: SocialImage = { url: 'https://x.dev/t.png', width: 0, height: undefined, alt: '', type: null }
    expect(tags(image, 'twitter-image', 15)).toEqual(['twitter:image=https://x.dev/t.png', 'twitter:image:width=0'])
    expect(tags(image, 'twitter-image', 16)).toEqual(['twitter:image=https://x.dev/t.png'])
  })

  test("file images: a code route's object is { alt, type, url, width, height }, a static file's { type, width, height, alt, url }", () => {
    const image: ResolvedImage = { id: undefined, url: 'https://x.dev/opengraph-image.png?q', pathname: '/opengraph-image.png', type: 'image/png', alt: 'Alt', width: 1200, height: 630 }
    expect(Object.keys(nextImageObject(image, 'code'))).toEqual(['alt', 'type', 'url', 'width', 'height'])
    expect(tags(nextImageObject(image, 'static'), 'opengraph-image', 14).map((t) => t.split('=')[0])).toEqual([
      'og:image:type',
      'og:image:width',
      'og:image:height',
      'og:image:alt',
      'og:image',
    ])
    expect(tags(nextImageObject(image, 'static'), 'opengraph-image', 16).map((t) => t.split('=')[0])).toEqual([
      'og:image',
      'og:image:type',
      'og:image:width',
      'og:image:height',
      'og:image:alt',
    ])
  })
})
