import { describe, expect, test } from 'vitest'
import { metadataItems, type Bundler, type MetadataItem } from '../../src/metadata-items.js'
import type { NextMajor } from '../../src/index.js'

const root = '/app'
// /g/[p] is rendered by its own page and by two slots above it (@promo, @side); @top is a slot at the root
// with a page for the same URL; /s has a slot beside a route group.
const files = [
  'layout.tsx',
  'page.tsx',
  '@top/default.tsx',
  '@top/g/[p]/page.tsx',
  'g/layout.tsx',
  'g/page.tsx',
  'g/[p]/page.tsx',
  'g/about/page.tsx',
  'g/@promo/default.tsx',
  'g/@promo/[p]/page.tsx',
  'g/@side/default.tsx',
  'g/@side/[p]/page.tsx',
  's/layout.tsx',
  's/(grp)/[q]/page.tsx',
  's/@zz/default.tsx',
  's/@zz/[q]/page.tsx',
].map((f) => `${root}/${f}`)

/** Each step as `module <- folder`, the module relative to the app, `-` for none. */
const steps = (pageFolder: string, nextVersion: NextMajor, bundler: Bundler) =>
  metadataItems({ root, files, pageFolder, extensions: ['tsx'], nextVersion, bundler }).map(
    (item: MetadataItem) => `${item.module ? item.module.slice(root.length) : '-'} <- ${item.folder === '' ? '/' : item.folder}`,
  )

describe('metadataItems', () => {
  test('Turbopack: each layout with its own folder; the children branch, then slots by name; defaults add nothing', () => {
    expect(steps('/g/[p]', 16, 'turbopack')).toEqual([
      '/layout.tsx <- /',
      '/g/layout.tsx <- /g',
      '- <- /g/[p]',
      '/g/[p]/page.tsx <- /g/[p]',
      '- <- /g/@promo',
      '- <- /g/@promo/[p]',
      '/g/@promo/[p]/page.tsx <- /g/@promo/[p]',
      '- <- /g/@side',
      '- <- /g/@side/[p]',
      '/g/@side/[p]/page.tsx <- /g/@side/[p]',
      '- <- /@top',
      '- <- /@top/g',
      '- <- /@top/g/[p]',
      '/@top/g/[p]/page.tsx <- /@top/g/[p]',
    ])
    expect(steps('/g/about', 16, 'turbopack')).toEqual(['/layout.tsx <- /', '/g/layout.tsx <- /g', '- <- /g/about', '/g/about/page.tsx <- /g/about'])
  })

  test('webpack on 14/15: slot paths sort first here; each layout comes with its parent folder', () => {
    const expected = [
      '/layout.tsx <- /',
      '- <- /',
      '- <- /@top',
      '- <- /@top/g',
      '/@top/g/[p]/page.tsx <- /@top/g/[p]',
      '/g/layout.tsx <- /',
      '- <- /g',
      '- <- /g/@promo',
      '/g/@promo/[p]/page.tsx <- /g/@promo/[p]',
      '- <- /g',
      '- <- /g/@side',
      '/g/@side/[p]/page.tsx <- /g/@side/[p]',
      '- <- /g',
      '/g/[p]/page.tsx <- /g/[p]',
    ]
    expect(steps('/g/[p]', 14, 'webpack')).toEqual(expected)
    expect(steps('/g/[p]', 15, 'webpack')).toEqual(expected)
  })

  test("webpack: a route group sorts before a slot on 14/15, so the slot's step brings /s's folder back last; 16 puts slot paths first", () => {
    expect(steps('/s/(grp)/[q]', 15, 'webpack').slice(-4)).toEqual([
      '/s/(grp)/[q]/page.tsx <- /s/(grp)/[q]',
      '- <- /s',
      '- <- /s/@zz',
      '/s/@zz/[q]/page.tsx <- /s/@zz/[q]',
    ])
    expect(steps('/s/(grp)/[q]', 16, 'webpack').slice(-2)).toEqual(['- <- /s/(grp)', '/s/(grp)/[q]/page.tsx <- /s/(grp)/[q]'])
  })
})
