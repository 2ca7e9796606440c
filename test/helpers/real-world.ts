// The README's "Use it in your Next.js app" section, run as written on test/real-world/ (see
// test/e2e/real-world.test.ts), on the app's own Next release or, for the install matrix, on another one: the
// same app with `next`, React and their types swapped in its package.json before the install.
import { spawn } from 'node:child_process'
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { whenListening } from '../faults/preview-process.js'
import { packImgmeta } from './packed-imgmeta.js'
import { timeoutOf } from './timeouts.js'
import { CHILD_TIMEOUT_MS, childEnv, makeTempDir, REPO, run, type ChildRun } from './vitest-project.js'

const SECTION = '## Use it in your Next.js app'
/** An install of another Next release with a cold npm cache takes minutes on a loaded machine. */
const INSTALL_TIMEOUT_MS = timeoutOf(5)
const FIXTURE = path.join(REPO, 'test/real-world')

/** The shell commands of the README section, in order (comments and blank lines left out). */
function sectionCommands(readme: string): string[] {
  const start = readme.indexOf(`\n${SECTION}\n`)
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`)
  const end = readme.indexOf('\n## ', start + SECTION.length + 1)
  const section = readme.slice(start, end < 0 ? undefined : end)
  return [...section.matchAll(/```sh\n([^]*?)```/g)]
    .flatMap((match) => match[1]!.split('\n'))
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
}

/** The vitest this repository tests with: `npm install vitest` on Node 20 picks the same line. */
async function vitestVersion(): Promise<string> {
  return (JSON.parse(await readFile(path.join(REPO, 'node_modules/vitest/package.json'), 'utf8')) as { version: string }).version
}

/** The planted mistake: the apple icon declares 180×180 and renders 192×192. */
const PLANTED_FINDING =
  '- route /apple-icon: the route declares size 180×180 but the image function rendered 192×192; the tags would ' +
  'tell crawlers the wrong size. Expected them to match. [size-mismatch]'

/** What `imgmeta preview`'s /gallery.json says (the fields read here). */
interface Gallery {
  errors: { file: string; message: string }[]
  images: { file: string; id?: string | number; error?: string; declared?: { width: number; height: number }; real?: { width: number; height: number }; snapshot?: { status: string } }[]
}

/**
 * Starts the installed `imgmeta preview --port 0` in `project`, reads its gallery once it listens, and stops it
 * with Ctrl-C, as a user would. Returns the gallery and everything the command printed.
 */
async function previewGallery(project: string): Promise<{ gallery: Gallery; output: string; exitCode: number | null }> {
  const child = spawn(process.execPath, [path.join(project, 'node_modules/imgmeta/dist/cli/bin.js'), 'preview', '--port', '0'], {
    cwd: project,
    env: childEnv({ NO_COLOR: '1', FORCE_COLOR: '0' }),
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const { url, output } = await whenListening(child)
  let gallery: Gallery
  try {
    gallery = (await (await fetch(new URL('gallery.json', url))).json()) as Gallery
  } finally {
    child.kill('SIGINT')
  }
  const exitCode = await exited
  return { gallery, output: output(), exitCode }
}

/** Rewrites the app's package.json to depend on `release`'s Next, React, React types (and TypeScript). */
async function useRelease(manifest: string, release: NextRelease): Promise<void> {
  const pkg = JSON.parse(await readFile(manifest, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
  Object.assign(pkg.dependencies, { next: release.next, react: release.react, 'react-dom': release.react })
  pkg.devDependencies['@types/react'] = release.typesReact
  Object.assign(pkg.devDependencies, release.devDependencies)
  await writeFile(manifest, JSON.stringify(pkg, null, 2) + '\n')
}

/** Dependencies swapped into the app's package.json for another Next release (exact versions). */
export interface NextRelease {
  next: string
  react: string
  typesReact: string
  /** Other dev dependencies of the app on that release (exact versions), such as its TypeScript. */
  devDependencies?: Record<string, string>
  /** The vitest the README's install command installs, when the app already has its own (else this repository's). */
  vitest?: string
  /**
   * Files of the app as they are written for that release, replacing the app's own (folders with the same
   * layout as the app, copied in order), and the app's files that release does not know of (Next 14 reads no
   * next.config.ts).
   */
  files?: { from: string[]; remove: string[] }
}

/**
 * Declares the test of the real-world app: copied under a folder named `app`, installed as the README says (with
 * `release`'s Next, React and types instead of the app's own when given), `imgmeta update`, then `imgmeta check`.
 */
export function describeRealWorld(release?: NextRelease): void {
  let root: string
  let project: string
  let commands: string[]
  let install: ChildRun
  let update: ChildRun
  let check: ChildRun
  let results: { fullName: string; status: string; failureMessages: string[] }[]

  const output = (result: ChildRun) => `${result.stdout}${result.stderr}`

  /** Runs a README command line in the project as a user's shell would: `VAR=value` prefixes set the environment. */
  function shell(line: string, replace: Record<string, string> = {}, timeout?: number): Promise<ChildRun> {
    const words = line.split(' ').map((word) => replace[word] ?? word)
    const env: Record<string, string> = { NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' }
    while (/^[A-Z_]+=/.test(words[0]!)) {
      const [key, value] = words.shift()!.split('=') as [string, string]
      env[key] = value
    }
    const [program, ...args] = words
    return run(program!, args, { cwd: project, env: childEnv(env), ...(timeout !== undefined && { timeout }) })
  }

  beforeAll(async () => {
    commands = sectionCommands(await readFile(path.join(REPO, 'README.md'), 'utf8'))
    root = await makeTempDir('imgmeta-real-world-')
    const { tarball } = await packImgmeta(root)
    // A project folder called app, as in a Docker image's WORKDIR /app: its app folder is still src/app.
    project = path.join(root, 'app', 'site')
    await cp(FIXTURE, project, { recursive: true, filter: (file) => !file.includes(`${path.sep}node_modules`) })
    if (release) await useRelease(path.join(project, 'package.json'), release)
    for (const file of release?.files?.remove ?? []) await rm(path.join(project, file))
    for (const folder of release?.files?.from ?? []) await cp(folder, project, { recursive: true })
    const [installLine, updateLine, checkLine] = commands
    // imgmeta comes from the tarball (not published), vitest at this repository's version; the rest as written.
    // Another release may not be in the npm cache yet: its install may fetch it from the registry.
    const vitest = `vitest@${release?.vitest ?? (await vitestVersion())}`
    install = await shell(installLine!, { imgmeta: tarball, vitest }, release ? INSTALL_TIMEOUT_MS : undefined)
    if (install.exitCode !== 0) throw new Error(`${installLine} failed:\n${output(install)}`)
    update = await shell(updateLine!)
    check = await shell(`${checkLine!} --reporter json=imgmeta-results.json`)
    const report = JSON.parse(await readFile(path.join(project, 'imgmeta-results.json'), 'utf8')) as {
      testResults: { assertionResults: typeof results }[]
    }
    results = report.testResults.flatMap((file) => file.assertionResults)
  }, (release ? 5 : 6) * CHILD_TIMEOUT_MS + (release ? INSTALL_TIMEOUT_MS : 0))

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true })
  })

  describe(`a real-world Next.js app${release ? ` on next ${release.next}` : ''}, checked as the README says`, () => {
    test('the README section is: install imgmeta and vitest, imgmeta update, imgmeta check under CI', () => {
      expect(commands).toEqual(['npm install --save-dev imgmeta vitest', 'npx imgmeta update', 'CI=true npx imgmeta check'])
    })

    test('the app is used as it is: no imgmeta.config, and its package.json is CommonJS', async () => {
      const files = await readdir(project)
      expect(files.filter((file) => file.startsWith('imgmeta.config'))).toEqual([])
      const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as { type?: string }
      expect(pkg.type).toBeUndefined()
    })

    test('every image passes except the planted mistake, which is reported with its finding', () => {
      const byName = Object.fromEntries(results.map((result) => [result.fullName, result.status]))
      expect(byName).toEqual({
        'image routes /apple-icon': 'failed',
        'image routes /de/blog/klein-liefern/opengraph-image/square': 'passed',
        'image routes /de/blog/klein-liefern/opengraph-image/wide': 'passed',
        'image routes /de/opengraph-image': 'passed',
        'image routes /de/twitter-image': 'passed',
        'image routes /en/blog/reading-the-logs/opengraph-image/square': 'passed',
        'image routes /en/blog/reading-the-logs/opengraph-image/wide': 'passed',
        'image routes /en/blog/shipping-small/opengraph-image/square': 'passed',
        'image routes /en/blog/shipping-small/opengraph-image/wide': 'passed',
        'image routes /en/opengraph-image': 'passed',
        'image routes /en/twitter-image': 'passed',
        'image routes /icon/large': 'passed',
        'image routes /icon/small': 'passed',
      })
      expect(check.exitCode, output(check)).toBe(1)
      expect(check.stdout).toContain(
        '✗ src/app/apple-icon.tsx  /apple-icon\n  test: /apple-icon\n  /apple-icon: 1 problem in src/app/apple-icon.tsx\n' +
          `    ${PLANTED_FINDING}\n  → fix what generateImageMetadata returns (or what the image renders) so that they agree\n`,
      )
      // Each route file is named once while the images run.
      const progress = check.stdout.split('\n').filter((line) => line.startsWith('  … '))
      expect(progress.sort()).toEqual([...new Set(progress)].sort())
      expect(progress).toHaveLength(5)
      expect(check.stdout).toMatch(/Images +13 \(12 passed, 1 failed, 0 not covered\) in 5 routes/)
      expect(check.stdout).toMatch(/Snapshots +0 added, 0 updated, 12 unchanged, 0 failed/)
    })

    test('update wrote a snapshot of every image that passed, and reported the same one finding', async () => {
      expect(update.exitCode, output(update)).toBe(1)
      expect(update.stdout).toContain(PLANTED_FINDING)
      expect(update.stdout).toMatch(/Snapshots +12 added, 0 updated, 0 unchanged, 0 failed/)
      const snapshots = (await readdir(path.join(project, '__image_snapshots__/routes'), { recursive: true })).filter((file) => file.endsWith('.png'))
      expect(snapshots.sort()).toEqual(
        [
          'de/blog/klein-liefern/opengraph-image/square.png',
          'de/blog/klein-liefern/opengraph-image/wide.png',
          'de/opengraph-image.png',
          'de/twitter-image.png',
          'en/blog/reading-the-logs/opengraph-image/square.png',
          'en/blog/reading-the-logs/opengraph-image/wide.png',
          'en/blog/shipping-small/opengraph-image/square.png',
          'en/blog/shipping-small/opengraph-image/wide.png',
          'en/opengraph-image.png',
          'en/twitter-image.png',
          'icon/large.png',
          'icon/small.png',
        ].map((file) => file.split('/').join(path.sep)),
      )
    })

    test('imgmeta preview loads the app as check does, setup file mocks included: the same images, identical to the snapshots update wrote', async () => {
      const { gallery, output: printed, exitCode } = await previewGallery(project)
      expect(exitCode, printed).toBe(0)
      // The setup file's vi.mock of the analytics module applies there too.
      expect(gallery.errors).toEqual([])
      // An error's first detail line, its request body hash and recording path left out.
      const outcome = (image: Gallery['images'][number]) =>
        image.error !== undefined
          ? `error: ${image.error.split('\n')[1]?.trim().replace(/ \(request body sha256 [0-9a-f]+…?\) has no recording in .*$/, ' has no recording')}`
          : (image.snapshot?.status ?? 'no snapshot')
      const rows = gallery.images.map((image) => `${image.file}${image.id === undefined ? '' : ` ${String(image.id)}`}: ${outcome(image)}`)
      const locale = 'src/app/[locale]'
      expect(rows.sort()).toEqual(
        [
          ...[1, 2, 3].flatMap(() => [`${locale}/blog/[slug]/opengraph-image.tsx square: identical`, `${locale}/blog/[slug]/opengraph-image.tsx wide: identical`]),
          `${locale}/opengraph-image.tsx: identical`,
          `${locale}/opengraph-image.tsx: identical`,
          `${locale}/twitter-image.tsx: identical`,
          `${locale}/twitter-image.tsx: identical`,
          'src/app/apple-icon.tsx: no snapshot',
          'src/app/icon.tsx large: identical',
          'src/app/icon.tsx small: identical',
        ].sort(),
      )
      const apple = gallery.images.find((image) => image.file === 'src/app/apple-icon.tsx')
      expect([apple?.declared, apple?.real]).toMatchObject([{ width: 180, height: 180 }, { width: 192, height: 192 }])
      expect(printed).not.toContain('Error when evaluating SSR module')
    })

    test('the output speaks of imgmeta only: no vitest wording, no warning, no link to a file that does not exist', () => {
      for (const run of [update, check]) {
        expect(output(run)).not.toMatch(/vitest|\s-u\b/i)
        // The CommonJS package's vitest.config.ts loads without vite's CJS warning, or any other.
        expect(output(run)).not.toMatch(/warn|deprecated|CJS/i)
        expect(output(run)).not.toContain('__diff_output__')
      }
    })
  })
}
