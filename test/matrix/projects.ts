// The user projects of the install matrix: real shapes of Next.js apps of each generation, each with the same
// planted image-route mistake (a card declaring 1024×768 that renders 1200×630). Versions are exact, so that
// the matrix tests the same projects every run.

/** A generated project: files by path, and the folders (relative) its checks run in. */
export interface MatrixProject {
  name: string
  /** What the project stands for, for the test's name. */
  title: string
  files: Record<string, string>
  /** Where `npm install`, `eslint .` and `imgmeta check <appDir>` run: the project's (or monorepo's) root. */
  appDir: string
  /** The Next app's folder, where the vitest matcher test and tsc run. */
  webDir: string
  /** The route file holding the planted mistake, relative to the root. */
  routeFile: string
  /** The project lints with `next lint` (Next 14 and 15), which must report the mistake too. */
  nextLint: boolean
}

/** The two packed packages, as the `file:` specs npm installs them from. */
export interface Tarballs {
  imgmeta: string
  plugin: string
}

/** The planted mistake: `size` says 1024×768, the ImageResponse renders 1200×630. */
export const ROUTE_WITH_MISTAKE = `import { ImageResponse } from 'next/og'

export const alt = 'Acme'
export const size = { width: 1024, height: 768 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#111827', color: '#f9fafb', fontSize: 96 }}>
        Acme
      </div>
    ),
    { width: 1200, height: 630 },
  )
}
`

/** The same route, fixed. */
export const ROUTE_FIXED = ROUTE_WITH_MISTAKE.replace('{ width: 1024, height: 768 }', '{ width: 1200, height: 630 }')

const PAGE = `export default function Page() {
  return <main>Acme</main>
}
`

const LAYOUT = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`

/** vitest with only the imgmeta plugin; `reference` renders next/og with imgmeta/og, the same on every machine. */
const VITEST_CONFIG = `import { defineConfig } from 'vitest/config'
import imgmeta from 'imgmeta/vitest'

export default defineConfig({
  plugins: [imgmeta({ renderer: 'reference' })],
})
`

/** A test of the card with both matchers. */
const MATCHER_TEST = `import { expect, test } from 'vitest'
import * as card from '../app/opengraph-image'

test('the card has valid image metadata', async () => {
  await expect(card).toHaveValidImageMetadata()
})

test('the card matches its snapshot', async () => {
  await expect(await card.default()).toMatchImageSnapshot()
})
`

const FLAT_CONFIG = `import imgmeta from 'imgmeta/eslint-plugin'

export default [{ ignores: ['.next/'] }, imgmeta.configs.recommended]
`

/** Next 13.4+'s create-next-app tsconfig, with the given module settings. */
function tsconfig(moduleResolution: string, module: string): string {
  return JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2017',
        lib: ['dom', 'dom.iterable', 'esnext'],
        allowJs: true,
        skipLibCheck: true,
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        module,
        moduleResolution,
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'preserve',
        incremental: true,
        plugins: [{ name: 'next' }],
        paths: { '@/*': ['./*'] },
      },
      include: ['**/*.ts', '**/*.tsx'],
      exclude: ['node_modules'],
    },
    null,
    2,
  )
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'

/** The four projects of the matrix. */
export function matrixProjects(tarballs: Tarballs): MatrixProject[] {
  const imgmeta = { imgmeta: `file:${tarballs.imgmeta}`, 'eslint-plugin-imgmeta': `file:${tarballs.plugin}` }
  const app = (files: Record<string, string>) => ({
    'app/layout.tsx': LAYOUT,
    'app/page.tsx': PAGE,
    'app/opengraph-image.tsx': ROUTE_WITH_MISTAKE,
    'vitest.config.ts': VITEST_CONFIG,
    'tests/card.test.ts': MATCHER_TEST,
    ...files,
  })
  return [
    {
      name: 'next14-eslint8',
      title: 'Next 14.2 + ESLint 8.57 .eslintrc.json (next/core-web-vitals) + vitest 3.2 + vite 5, CommonJS, moduleResolution node',
      appDir: '.',
      webDir: '.',
      routeFile: 'app/opengraph-image.tsx',
      nextLint: true,
      files: app({
        // No "type": a CommonJS package, so vite bundles vitest.config.ts as CommonJS and requires imgmeta/vitest.
        'package.json': json({
          name: 'next14-app',
          private: true,
          scripts: { lint: 'next lint' },
          dependencies: { next: '14.2.35', react: '18.3.1', 'react-dom': '18.3.1' },
          devDependencies: {
            ...imgmeta,
            '@types/node': '20.19.43',
            '@types/react': '18.3.32',
            '@types/react-dom': '18.3.7',
            eslint: '8.57.1',
            'eslint-config-next': '14.2.35',
            typescript: '5.9.3',
            vite: '5.4.21',
            vitest: '3.2.7',
          },
        }),
        '.eslintrc.json': json({ extends: ['next/core-web-vitals', 'plugin:imgmeta/recommended-legacy'] }),
        'next.config.mjs': 'export default {}\n',
        'tsconfig.json': tsconfig('node', 'esnext'),
      }),
    },
    {
      name: 'next15-eslint9',
      title: 'Next 15.5 + ESLint 9 flat config + vitest 3.2',
      appDir: '.',
      webDir: '.',
      routeFile: 'app/opengraph-image.tsx',
      nextLint: true,
      files: app({
        'package.json': json({
          name: 'next15-app',
          private: true,
          type: 'module',
          dependencies: { next: '15.5.29', react: '19.3.1', 'react-dom': '19.3.1' },
          devDependencies: { ...imgmeta, '@types/node': '20.19.43', '@types/react': '19.3.0', eslint: '9.39.5', typescript: '5.9.3', vitest: '3.2.7' },
        }),
        'eslint.config.js': FLAT_CONFIG,
        'tsconfig.json': tsconfig('bundler', 'esnext'),
      }),
    },
    {
      name: 'next16-eslint10',
      title: 'Next 16 + ESLint 10 + vitest 4',
      appDir: '.',
      webDir: '.',
      routeFile: 'app/opengraph-image.tsx',
      // Next 16 removed next lint.
      nextLint: false,
      files: app({
        'package.json': json({
          name: 'next16-app',
          private: true,
          type: 'module',
          dependencies: { next: '16.4.6', react: '19.3.1', 'react-dom': '19.3.1' },
          devDependencies: { ...imgmeta, '@types/node': '20.19.43', '@types/react': '19.3.0', eslint: '10.15.0', typescript: '5.9.3', vitest: '4.1.12' },
        }),
        'eslint.config.js': FLAT_CONFIG,
        'tsconfig.json': tsconfig('bundler', 'esnext'),
      }),
    },
    {
      name: 'monorepo',
      title: 'npm-workspaces monorepo: apps/web (Next 16) and packages/ui, linted and checked from the root',
      appDir: 'apps/web',
      webDir: 'apps/web',
      routeFile: 'apps/web/app/opengraph-image.tsx',
      nextLint: false,
      files: {
        'package.json': json({
          name: 'acme-monorepo',
          private: true,
          type: 'module',
          workspaces: ['apps/*', 'packages/*'],
          devDependencies: { ...imgmeta, '@types/node': '20.19.43', '@types/react': '19.3.0', eslint: '10.15.0', typescript: '5.9.3', vitest: '4.1.12' },
        }),
        'eslint.config.js': FLAT_CONFIG,
        'packages/ui/package.json': json({ name: '@acme/ui', private: true, type: 'module', main: 'src/index.ts' }),
        'packages/ui/src/index.ts': `export const brand = 'Acme'\n`,
        ...Object.fromEntries(
          Object.entries(
            app({
              'package.json': json({
                name: '@acme/web',
                private: true,
                type: 'module',
                dependencies: { '@acme/ui': '*', next: '16.4.6', react: '19.3.1', 'react-dom': '19.3.1' },
              }),
              'tsconfig.json': tsconfig('bundler', 'esnext'),
            }),
          ).map(([file, text]) => [`apps/web/${file}`, text]),
        ),
      },
    },
  ]
}
