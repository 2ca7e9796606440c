import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { importModule } from '../../src/app.js'
import { nextBuildBundler } from '../../src/build-bundler.js'
import { routeMetadataBase } from '../../cli/preview/metadata-base.js'
import { REPO } from './cli-helpers.js'

const scratch = path.join(REPO, '.tmp', 'preview-metadata-base')
mkdirSync(scratch, { recursive: true })
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A fresh project with the given files (relative path → source). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(scratch, 'app-'))
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    writeFileSync(path.join(root, name), source)
  }
  return root
}

const layout = (base: string) => `export const metadata = { metadataBase: new URL('${base}') }\nexport default function Layout({ children }: { children: unknown }) { return children }\n`
const ROUTE = 'export default function Image() { return null }\n'

describe('routeMetadataBase: the base og/twitter URLs are made absolute with', () => {
  test("the deepest layout's metadataBase, then the page of the route's folder", async () => {
    const root = project({
      'app/layout.tsx': layout('https://www.example.com'),
      'app/blog/layout.tsx': layout('https://blog.example.com'),
      'app/blog/[slug]/opengraph-image.tsx': ROUTE,
      'app/docs/page.tsx': layout('https://docs.example.com/base/'),
      'app/docs/twitter-image.tsx': ROUTE,
      'app/about/opengraph-image.tsx': ROUTE,
    })
    const app = path.join(root, 'app')
    const blog = await routeMetadataBase(app, path.join(app, 'blog/[slug]/opengraph-image.tsx'), importModule)
    expect(blog).toEqual({ base: 'https://blog.example.com/', note: 'metadataBase https://blog.example.com/ from blog/layout.tsx' })
    expect((await routeMetadataBase(app, path.join(app, 'docs/twitter-image.tsx'), importModule)).base).toBe('https://docs.example.com/base/')
    expect((await routeMetadataBase(app, path.join(app, 'about/opengraph-image.tsx'), importModule)).base).toBe('https://www.example.com/')
  })

  test('http://localhost:3000 when no layout sets one (the port of next build, which has no PORT)', async () => {
    vi.stubEnv('PORT', '')
    try {
      const root = project({ 'app/layout.tsx': 'export default function Layout() { return null }\n', 'app/opengraph-image.tsx': ROUTE })
      const app = path.join(root, 'app')
      const result = await routeMetadataBase(app, path.join(app, 'opengraph-image.tsx'), importModule)
      expect(result.base).toBe('http://localhost:3000')
      expect(result.note).toBe('no metadataBase is set, so Next uses http://localhost:3000 (and next build warns about it)')
    } finally {
      vi.unstubAllEnvs()
    }
  })

  test('the configured metadataBase overrides the layouts', async () => {
    const root = project({ 'app/layout.tsx': layout('https://www.example.com'), 'app/opengraph-image.tsx': ROUTE })
    const app = path.join(root, 'app')
    expect((await routeMetadataBase(app, path.join(app, 'opengraph-image.tsx'), importModule, 'https://config.example.com')).base).toBe('https://config.example.com')
  })

  test("a root layout that cannot be loaded gives its source's URL literal, and the note names it and its error", async () => {
    const root = project({
      'app/layout.tsx': `throw new Error('font loader missing')\nexport const metadata = {\n  metadataBase: new URL(process.env.SITE_URL ?? 'https://fallback.example.com'),\n}\n`,
      'app/opengraph-image.tsx': ROUTE,
    })
    const app = path.join(root, 'app')
    const result = await routeMetadataBase(app, path.join(app, 'opengraph-image.tsx'), importModule)
    expect(result.base).toBe('https://fallback.example.com')
    expect(result.note).toBe('metadataBase https://fallback.example.com read from the source of layout.tsx, which could not be loaded: font loader missing')
  })

  test('a layout with only generateMetadata is said not to be run', async () => {
    vi.stubEnv('PORT', '')
    try {
      const root = project({
        'app/[locale]/layout.tsx': `export async function generateMetadata() { return { metadataBase: new URL('https://i18n.example.com') } }\n`,
        'app/[locale]/opengraph-image.tsx': ROUTE,
      })
      const app = path.join(root, 'app')
      const result = await routeMetadataBase(app, path.join(app, '[locale]/opengraph-image.tsx'), importModule)
      expect(result.base).toBe('http://localhost:3000')
      expect(result.note).toContain('generateMetadata of [locale]/layout.tsx is not run, so a metadataBase it returns is not applied')
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe('nextBuildBundler: whose ?query hash a build appends', () => {
  test('webpack before 16; on 16 Turbopack unless the build script says --webpack', () => {
    const turbopack = project({ 'package.json': JSON.stringify({ scripts: { build: 'next build' } }) })
    const webpack = project({ 'package.json': JSON.stringify({ scripts: { build: 'prisma generate && next build --webpack' } }) })
    const none = project({})
    expect(nextBuildBundler(turbopack, 14)).toBe('webpack')
    expect(nextBuildBundler(turbopack, 15)).toBe('webpack')
    expect(nextBuildBundler(turbopack, 16)).toBe('turbopack')
    expect(nextBuildBundler(webpack, 16)).toBe('webpack')
    expect(nextBuildBundler(none, 16)).toBe('turbopack')
  })
})
