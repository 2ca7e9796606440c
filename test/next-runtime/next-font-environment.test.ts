// next/font through the environment as an app loads it under vite: the family of a local font is the const the
// call is assigned to, in the app's TypeScript and in geist's compiled package alike, and class names follow the
// bundler of the project's `next build` (next-modules.test.ts holds the values real builds printed).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { imgmeta } from '../../matchers/vitest-plugin.js'
import { timeoutOf } from '../helpers/timeouts.js'
import { REPO } from '../helpers/vitest-project.js'

// Under the repository, so that geist and next resolve from its node_modules as from an app's.
const scratch = path.join(REPO, '.tmp')
mkdirSync(scratch, { recursive: true })
const projects: string[] = []
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const FONTS = `import localFont from 'next/font/local'
import type { NextFontWithVariable } from 'next/dist/compiled/@next/font'
import { GeistSans } from 'geist/font/sans'
import { Inter } from 'next/font/google'

export const brand: NextFontWithVariable = localFont({ src: './fonts/Brand-Bold.woff2', weight: '700', variable: '--font-brand' })
const inter = Inter({ subsets: ['latin'] })
export const fonts = { brand, GeistSans, inter }
`

type FontObject = { className: string; style: Record<string, unknown>; variable?: string }

async function loadFonts(scripts: Record<string, string>): Promise<Record<string, FontObject>> {
  const project = mkdtempSync(path.join(scratch, 'next-font-env-'))
  projects.push(project)
  mkdirSync(path.join(project, 'src/app'), { recursive: true })
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'fonts', private: true, type: 'module', scripts }))
  writeFileSync(path.join(project, 'src/app/fonts.ts'), FONTS)
  const { createServer } = await import('vite')
  const vite = await createServer({
    root: project,
    configFile: false,
    plugins: [imgmeta({ nextServer: true, setupFile: false })],
    appType: 'custom',
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    // The environment inlines the packages it finds in the project's own node_modules; this project borrows the
    // repository's, so geist is named here.
    ssr: { noExternal: ['geist'] },
  })
  try {
    return ((await vite.ssrLoadModule(path.join(project, 'src/app/fonts.ts'))) as { fonts: Record<string, FontObject> }).fonts
  } finally {
    await vite.close()
  }
}

describe('next/font under the environment', () => {
  test(
    'families from the const names (a typed const, geist’s GeistSans), Turbopack class names on 16',
    async () => {
      const fonts = await loadFonts({ build: 'next build' })
      expect(fonts.brand!.style).toEqual({ fontFamily: "'brand', 'brand Fallback'", fontWeight: 700 })
      expect(fonts.GeistSans!.style).toEqual({ fontFamily: "'GeistSans', 'GeistSans Fallback'" })
      expect(fonts.inter!.style).toEqual({ fontFamily: "'Inter', 'Inter Fallback'", fontStyle: 'normal' })
      expect(fonts.brand!.className).toMatch(/^[\w-]{6}_className$/)
      expect(fonts.GeistSans!.variable).toMatch(/^[\w-]{6}_variable$/)
    },
    timeoutOf(1),
  )

  test(
    'webpack class names when the build script says next build --webpack',
    async () => {
      const fonts = await loadFonts({ build: 'next build --webpack' })
      expect(fonts.GeistSans!.style).toEqual({ fontFamily: "'GeistSans', 'GeistSans Fallback'" })
      expect(fonts.brand!.className).toMatch(/^__className_[0-9a-f]{6}$/)
      expect(fonts.brand!.variable).toMatch(/^__variable_[0-9a-f]{6}$/)
    },
    timeoutOf(1),
  )
})
