import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ViteUserConfig } from 'vitest/config'
import imgmeta, { nextAppViteSettings, SETUP_FILE } from '../../matchers/vitest-plugin.js'
import { ImageResponse as ReferenceImageResponse } from '../../og/index.js'
import {
  childEnv,
  makeTempDir,
  REPO,
  run,
  runVitest,
  statuses,
  type ChildRun,
  type VitestRun,
} from '../helpers/vitest-project.js'
import { timeoutOf } from '../helpers/timeouts.js'

type Hook = (...args: unknown[]) => unknown
type AliasEntry = { find: string | RegExp; replacement: string }
const aliasesOf = (settings: unknown) => (settings as { resolve: { alias: AliasEntry[] } }).resolve.alias
const call = (plugin: Plugin, hook: 'config' | 'resolveId' | 'load' | 'configResolved', ...args: unknown[]) =>
  (plugin[hook] as Hook).call({ meta: { viteVersion: '8.3.8' } }, ...args)

// Inside the repository (git-ignored .tmp/) so vitest transforms the shim like a project file.
const tmpRoot = path.resolve(import.meta.dirname, '../../.tmp')
mkdirSync(tmpRoot, { recursive: true })
const scratch = mkdtempSync(path.join(tmpRoot, 'plugin-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('imgmeta vitest plugin hooks', () => {
  const target = (aliases: AliasEntry[], id: string) => aliases.find((alias) => (alias.find as RegExp).test(id))?.replacement

  it('adds the setup file once, keeping the user’s', async () => {
    const config: ViteUserConfig = { test: { setupFiles: 'my-setup.ts' } }
    await call(imgmeta(), 'config', config, { command: 'serve', mode: 'test' })
    await call(imgmeta(), 'config', config, { command: 'serve', mode: 'test' })
    expect(config.test?.setupFiles).toEqual(['my-setup.ts', SETUP_FILE])
    const empty: ViteUserConfig = {}
    await call(imgmeta({ renderer: 'reference' }), 'config', empty, { command: 'serve', mode: 'test' })
    expect(empty.test?.setupFiles).toEqual(['imgmeta/vitest-setup'])
    const none: ViteUserConfig = {}
    await call(imgmeta({ setupFile: false }), 'config', none, { command: 'serve', mode: 'test' })
    expect(none.test?.setupFiles).toBeUndefined()
  })

  it('passes strictCss to the test workers through IMGMETA_STRICT_CSS, and leaves the environment alone without it', async () => {
    const strict: ViteUserConfig = { test: { env: { KEEP: '1' } } }
    await call(imgmeta({ strictCss: true }), 'config', strict, { command: 'serve', mode: 'test' })
    expect(strict.test?.env).toEqual({ KEEP: '1', IMGMETA_STRICT_CSS: '1' })
    const lenient: ViteUserConfig = {}
    await call(imgmeta({ strictCss: false }), 'config', lenient, { command: 'serve', mode: 'test' })
    expect(lenient.test?.env).toEqual({ IMGMETA_STRICT_CSS: '0' })
    const unset: ViteUserConfig = {}
    await call(imgmeta(), 'config', unset, { command: 'serve', mode: 'test' })
    expect(unset.test?.env).toBeUndefined()
  })

  it('turns on the automatic JSX runtime and tsconfig paths on vite 8, unless the config sets them', async () => {
    expect(await call(imgmeta(), 'config', {}, { command: 'serve', mode: 'test' })).toMatchObject({
      oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
      resolve: { tsconfigPaths: true },
    })
    expect(nextAppViteSettings({ oxc: { jsx: 'preserve' }, resolve: { tsconfigPaths: false } }, 8)).toEqual({})
    expect(nextAppViteSettings({ oxc: false }, 8)).toEqual({ resolve: { tsconfigPaths: true } })
    // vite 7 and older compile with esbuild and have no resolve.tsconfigPaths.
    expect(nextAppViteSettings({}, 7)).toEqual({ esbuild: { jsx: 'automatic', jsxImportSource: 'react' } })
    expect(nextAppViteSettings({ esbuild: { jsx: 'transform' } }, 6)).toEqual({})
  })

  it('leaves next/og and next/server alone by default, and always makes server-only harmless', async () => {
    const plugin = imgmeta()
    const aliases = aliasesOf(await call(plugin, 'config', { root: REPO }, { command: 'serve', mode: 'test' }))
    const stub = target(aliases, 'server-only')!
    expect(stub).toMatch(/^\0/)
    expect(await call(plugin, 'resolveId', stub, '/app/icon.tsx')).toBe(stub)
    expect(call(plugin, 'load', stub)).toBe('export {}\n')
    expect(target(aliases, 'next/og')).toBeUndefined()
    expect(target(aliases, 'next/server')).toBeUndefined()
  })

  it('with renderer: reference, aliases next/og to imgmeta/og and next/server to a copy with its ImageResponse', async () => {
    const aliases = aliasesOf(await call(imgmeta({ renderer: 'reference' }), 'config', {}, { command: 'serve', mode: 'test' }))
    expect(target(aliases, 'next/og')).toMatch(/[\\/]og[\\/]index\.(js|ts)$/)
    expect(target(aliases, 'next/og.js')).toBe(target(aliases, 'next/og'))
    expect(target(aliases, 'next/server')).toMatch(/^\0/)
    expect(target(aliases, 'next/ogre')).toBeUndefined()
    expect(target(aliases, 'react')).toBeUndefined()
  })

  it('with renderer: reference, swaps only ImageResponse of next/server', async () => {
    const plugin = imgmeta({ renderer: 'reference' })
    const shimId = target(aliasesOf(await call(plugin, 'config', {}, { command: 'serve', mode: 'test' })), 'next/server')!
    call(plugin, 'configResolved', { root: REPO, plugins: [plugin] })
    const code = call(plugin, 'load', shimId) as string
    const file = path.join(scratch, 'next-server-shim.ts')
    writeFileSync(file, code)
    const shim = (await import(file)) as { ImageResponse: unknown; NextResponse: unknown }
    expect(shim.ImageResponse).toBe(ReferenceImageResponse)
    expect(typeof shim.NextResponse).toBe('function')
  })

  it('with several imgmeta plugins in one config, the last one listed decides and the others do nothing', async () => {
    const fromFile = imgmeta({ renderer: 'reference' })
    const fromCommand = imgmeta({ renderer: 'next', setupFile: false })
    const config: ViteUserConfig = { plugins: [[{ name: 'other' }, fromFile], fromCommand] }
    expect(await call(fromFile, 'config', config, { command: 'serve', mode: 'test' })).toBeNull()
    const settings = await call(fromCommand, 'config', config, { command: 'serve', mode: 'test' })
    expect(target(aliasesOf(settings), 'next/og')).toBeUndefined()
    expect(config.test?.setupFiles).toBeUndefined()
  })

  it('refuses an unknown renderer', () => {
    expect(() => imgmeta({ renderer: 'sharp' as never })).toThrow(`imgmeta vitest plugin: renderer must be 'reference' or 'next', got "sharp"`)
  })
})

// A Next 15 app as create-next-app makes it: `"jsx": "preserve"`, `@/*` paths, a route that imports next/og,
// data through `@/`, and a module guarded by `import 'server-only'`. imgmeta is installed from this checkout's
// sources (a package whose exports point at the .ts files), everything else is symlinked: no network.
const PROJECT_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'next15-app', private: true }, null, 2),
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2017',
        lib: ['dom', 'dom.iterable', 'esnext'],
        strict: true,
        noEmit: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        isolatedModules: true,
        jsx: 'preserve',
        plugins: [{ name: 'next' }],
        paths: { '@/*': ['./src/*'] },
      },
      include: ['**/*.ts', '**/*.tsx'],
    },
    null,
    2,
  ),
  // The plugin by its source path: vite bundles a config's relative and absolute imports, but leaves packages to
  // Node, which cannot import .ts files (the packed package's 'imgmeta/vitest' is tested in test/e2e/).
  'vitest.config.mts': `import { defineConfig } from 'vitest/config'
import imgmeta from ${JSON.stringify(path.join(REPO, 'matchers/vitest-plugin.ts'))}

export default defineConfig({
  plugins: [imgmeta({ renderer: 'reference', obsoleteSnapshots: true })],
  test: { include: ['src/**/routes.test.tsx'] },
})
`,
  'vitest.next.config.mts': `import { defineConfig } from 'vitest/config'
import imgmeta from ${JSON.stringify(path.join(REPO, 'matchers/vitest-plugin.ts'))}

export default defineConfig({ plugins: [imgmeta()], test: { include: ['src/**/next-renderer.test.tsx'] } })
`,
  // What a project without the plugin has: the setup file alone.
  'vitest.bare.config.mts': `import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { setupFiles: ['imgmeta/vitest-setup'], include: ['src/**/routes.test.tsx'] } })
`,
  'src/lib/brand.ts': `import 'server-only'

export const brand = { name: 'Acme', color: '#1d4ed8' }
`,
  'src/app/shop/opengraph-image.tsx': `import { ImageResponse } from 'next/og'
import { brand } from '@/lib/brand'

const size = { width: 240, height: 126 }

export function generateImageMetadata() {
  return [
    { id: 'light', size, contentType: 'image/png', alt: brand.name },
    { id: 'dark', size, contentType: 'image/png', alt: brand.name },
  ]
}

export default async function Image({ id }: { id: Promise<string> }) {
  const dark = (await id) === 'dark'
  return new ImageResponse(
    <div style={{ display: 'flex', width: '100%', height: '100%', background: dark ? '#000' : brand.color, color: '#fff', fontSize: 40 }}>
      {brand.name}
    </div>,
    size,
  )
}
`,
  // 13.x code imports ImageResponse from next/server.
  'src/app/legacy/twitter-image.tsx': `import { ImageResponse } from 'next/server'

export const size = { width: 120, height: 63 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#16a34a' }} />, size)
}
`,
  // Next lets plain .js files hold JSX.
  'src/app/icon.js': `import { ImageResponse } from 'next/og'

export const size = { width: 32, height: 32 }
export const contentType = 'image/png'

export default function Icon() {
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: '#dc2626' }} />, size)
}
`,
  'src/routes.test.tsx': `import { describe, expect, test } from 'vitest'
import { NextResponse } from 'next/server'
import { ImageResponse } from 'imgmeta/og'
import * as shop from '@/app/shop/opengraph-image'
import * as legacy from './app/legacy/twitter-image'
import * as icon from './app/icon.js'

describe('a Next 15 app under the plugin', () => {
  test('a route importing next/og, @/ data and server-only renders with imgmeta/og', async () => {
    const response = await shop.default({ id: Promise.resolve('dark') })
    expect(response).toBeInstanceOf(ImageResponse)
    expect((await (response as ImageResponse).rendered).width).toBe(240)
  })

  test('the matchers are registered', async () => {
    await expect(shop).toHaveValidImageMetadata({ file: 'src/app/shop/opengraph-image.tsx' })
    await expect(shop.default({ id: Promise.resolve('light') })).toMatchImageSnapshot()
  })

  test('next/server keeps everything but ImageResponse', () => {
    expect(legacy.default()).toBeInstanceOf(ImageResponse)
    expect(typeof NextResponse.json).toBe('function')
  })

  test('a .js route with JSX renders', async () => {
    const response = icon.default()
    expect(response).toBeInstanceOf(ImageResponse)
    const { PNG } = await import('pngjs')
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()))
    expect([png.width, png.height]).toEqual([32, 32])
    // The div's red fills the icon: the JSX was compiled, not dropped.
    expect([...png.data.subarray(0, 4)]).toEqual([0xdc, 0x26, 0x26, 0xff])
  })

  test('the test file itself holds JSX', async () => {
    await expect(new ImageResponse(<div style={{ display: 'flex' }}>hi</div>, { width: 20, height: 10 })).toMatchImageSnapshot()
  })
})
`,
  'src/next-renderer.test.tsx': `import { expect, test } from 'vitest'
import { ImageResponse as NextImageResponse } from 'next/og'
import { ImageResponse } from 'imgmeta/og'
import * as shop from '@/app/shop/opengraph-image'

test('by default next/og is the real one, and server-only is still harmless', async () => {
  const response = await shop.default({ id: Promise.resolve('dark') })
  expect(response).toBeInstanceOf(NextImageResponse)
  expect(response).not.toBeInstanceOf(ImageResponse)
})
`,
  // Left by a test that no longer exists.
  'src/__image_snapshots__/routes-test-tsx-a-removed-test-1-snap.png': '',
}

/** `node_modules/imgmeta` as a package whose exports point at this checkout's TypeScript sources. */
async function installFromSources(modules: string): Promise<void> {
  const dir = path.join(modules, 'imgmeta')
  await mkdir(dir)
  for (const folder of ['src', 'og', 'next-runtime', 'matchers']) {
    await symlink(path.join(REPO, folder), path.join(dir, folder), 'dir')
  }
  const exports = {
    '.': './src/index.ts',
    './og': './og/index.ts',
    './matchers': './matchers/index.ts',
    './vitest-setup': './matchers/setup.ts',
  }
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'imgmeta', type: 'module', exports }))
}

describe('imgmeta vitest plugin in a real vitest run', () => {
  let project: string
  let bare: ChildRun
  let withPlugin: VitestRun
  let nextRenderer: VitestRun

  beforeAll(async () => {
    project = await makeTempDir('imgmeta-plugin-next15-')
    for (const [file, text] of Object.entries(PROJECT_FILES)) {
      await mkdir(path.dirname(path.join(project, file)), { recursive: true })
      await writeFile(path.join(project, file), text)
    }
    const modules = path.join(project, 'node_modules')
    await mkdir(modules)
    for (const entry of await readdir(path.join(REPO, 'node_modules'))) {
      if (entry !== 'imgmeta') await symlink(path.join(REPO, 'node_modules', entry), path.join(modules, entry), 'dir')
    }
    await installFromSources(modules)
    const vitest = path.join(modules, 'vitest', 'vitest.mjs')
    bare = await run(process.execPath, [vitest, 'run', '--config', 'vitest.bare.config.mts'], { cwd: project, env: childEnv({ NO_COLOR: '1' }) })
    withPlugin = await runVitest(project, ['--config', 'vitest.config.mts'])
    nextRenderer = await runVitest(project, ['--config', 'vitest.next.config.mts'])
  }, timeoutOf(1))

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true })
  })

  it('without the plugin, vitest cannot parse the JSX of a "jsx": "preserve" project', () => {
    expect(bare.exitCode).toBe(1)
    expect(bare.stdout + bare.stderr).toMatch(
      /FAIL +src\/routes\.test\.tsx[^]*contains invalid JS syntax\. If you use tsconfig\.json, make sure to not set jsx to preserve\./,
    )
  })

  it('with plugins: [imgmeta({ renderer: "reference" })], every route loads and renders with imgmeta/og', () => {
    expect(statuses(withPlugin), withPlugin.stdout + withPlugin.stderr).toEqual({
      'a Next 15 app under the plugin a route importing next/og, @/ data and server-only renders with imgmeta/og': 'passed',
      'a Next 15 app under the plugin the matchers are registered': 'passed',
      'a Next 15 app under the plugin next/server keeps everything but ImageResponse': 'passed',
      'a Next 15 app under the plugin a .js route with JSX renders': 'passed',
      'a Next 15 app under the plugin the test file itself holds JSX': 'passed',
    })
    expect(withPlugin.exitCode).toBe(0)
  })

  it('obsoleteSnapshots: true lists the reference no test used, beside a --reporter given on the command line', async () => {
    expect(withPlugin.stdout).toContain(
      '1 obsolete image snapshot(s): no test used them in this complete run.\n' +
        `  ${path.join('src', '__image_snapshots__', 'routes-test-tsx-a-removed-test-1-snap.png')}\n`,
    )
    expect((await readdir(path.join(project, 'src/__image_snapshots__'))).sort()).toEqual([
      'routes-test-tsx-a-next-15-app-under-the-plugin-the-matchers-are-registered-1-snap.png',
      'routes-test-tsx-a-next-15-app-under-the-plugin-the-test-file-itself-holds-jsx-1-snap.png',
      'routes-test-tsx-a-removed-test-1-snap.png',
    ])
  })

  it('with the default renderer, next/og stays the real one', () => {
    expect(statuses(nextRenderer), nextRenderer.stdout + nextRenderer.stderr).toEqual({
      'by default next/og is the real one, and server-only is still harmless': 'passed',
    })
  })
  // The imgmeta preview loads route files with vite's SSR, which externalizes bare imports such as next/og on its
  // own terms: the renderer choice must hold there too.
  async function renderInViteSsr(plugins: Plugin[], configFile: string | false): Promise<Response> {
    const { createServer } = await import('vite')
    const vite = await createServer({
      root: project,
      configFile,
      plugins,
      appType: 'custom',
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    })
    try {
      const route = (await vite.ssrLoadModule(path.join(project, 'src/app/shop/opengraph-image.tsx'))) as {
        default(props: { id: Promise<string> }): Promise<Response>
      }
      return await route.default({ id: Promise.resolve('dark') })
    } finally {
      await vite.close()
    }
  }

  it('under vite SSR too, renderer: reference renders with imgmeta/og, and the last plugin listed decides', async () => {
    const reference = await renderInViteSsr([imgmeta({ renderer: 'reference', setupFile: false })], false)
    expect('rendered' in reference).toBe(true)
    // The project's config lists imgmeta({ renderer: 'reference' }); the inline one comes after it.
    const overridden = await renderInViteSsr([imgmeta({ renderer: 'next', setupFile: false })], path.join(project, 'vitest.config.mts'))
    expect(overridden.constructor.name).toBe('ImageResponse')
    expect('rendered' in overridden).toBe(false)
  })
})
