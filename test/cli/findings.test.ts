// Each cause of a failed image has its own kind and its own advice, as the command prints them: routes that
// fetch, call notFound(), throw, use CSS next/og cannot draw, or sit below a layout that cannot be loaded.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adviceFor, classifyFinding, type FindingKind } from '../../cli/finding.js'
import { commandWording } from '../../cli/run-vitest.js'
import { copyFixture, runCli, type CliRun } from './cli-helpers.js'

/** The advice of every kind, word for word: changing one is a decision, not an accident. */
const ADVICE: Record<FindingKind, string> = {
  'snapshot-mismatch': 'look at the diff; if the change is intended, run `imgmeta update` and commit the snapshot',
  'snapshot-missing': 'run `imgmeta update` locally and commit the new snapshot (CI never writes snapshots)',
  metadata: 'fix what generateImageMetadata returns (or what the image renders) so that they agree',
  'renderer-limitation':
    'next/og cannot draw what the message names (satori supports a subset of CSS, flex layout only, absolute image URLs): change that style or element',
  'route-answered':
    'the route itself answers 404 or a redirect for these params: list only params it renders (generateStaticParams, or params in imgmeta.config.ts), or make it render them',
  'module-failed':
    'a module could not be loaded (the message names it and why): fix the import, or give this route its params in imgmeta.config.ts so the failing layout or page is not loaded',
  'user-code-threw': 'your code threw for this image (the message says which function and what): fix it, or check only params it can render',
  'breaks-next-build':
    'next build (16) calls generateImageMetadata with params: {} to list the ids of every route below a dynamic segment, and fails when it throws: make it cope with missing params (return [] or default ids when they are absent)',
  'file-url-on-nodejs':
    "Next fetches a file of the app by its file: URL on the edge runtime only: read it with readFile, as Next's docs do (readFile(join(process.cwd(), 'assets/font.ttf'))), or add export const runtime = 'edge'",
  network:
    'imgmeta check replays what imgmeta update recorded: run imgmeta update where the URL the message names is reachable and commit __image_snapshots__/network/, or list its host in network.deny or network.live of imgmeta.config.ts',
  'timed-out': 'the image did not finish within the deadline: make every promise it starts settle, or give it more time',
  'render-failed': 'fix the default export so that it returns an ImageResponse for this id',
  'not-covered': 'give the page generateStaticParams, or set params for this route in imgmeta.config.ts',
  error: 'read the message above; the route file could not be checked',
}

describe('finding kinds and their advice', () => {
  test.each(Object.entries(ADVICE))('%s: its advice', (kind, advice) => {
    expect(adviceFor(kind as FindingKind)).toBe(advice)
  })

  test('each cause is told apart by the codes, the error code or the message', () => {
    expect(classifyFinding('failed', 'x', ['size-mismatch'])).toBe('metadata')
    expect(classifyFinding('failed', 'x did not settle within 10000 ms', ['timeout'])).toBe('timed-out')
    expect(classifyFinding('failed', 'called redirect("/en")', ['route-redirected'])).toBe('route-answered')
    expect(classifyFinding('failed', 'generateImageMetadata threw: boom', ['generate-image-metadata-failed'])).toBe('user-code-threw')
    expect(classifyFinding('failed', 'app/[slug]/page.tsx: generateStaticParams threw: boom', [], 'generate-static-params-failed')).toBe('user-code-threw')
    expect(classifyFinding('failed', 'app/icon.tsx could not be loaded: x', [], 'module-failed')).toBe('module-failed')
    expect(classifyFinding('failed', 'next build calls generateImageMetadata({ params: {} }) … threw: x', [], 'next-build-fails')).toBe('breaks-next-build')
    expect(classifyFinding('failed', '/og: app/og/opengraph-image.tsx fetches file:///app/og/Inter.ttf on the nodejs runtime …', [], 'file-url-on-nodejs')).toBe('file-url-on-nodejs')
    expect(classifyFinding('failed', 'imgmeta/og: Image source must be an absolute URL: /logo.png', ['render-failed'])).toBe('renderer-limitation')
    // satori's own words are a renderer limit; a library's "not supported" is the route's code failing.
    expect(classifyFinding('failed', 'render threw: dangerouslySetInnerHTML property is not supported.', ['render-failed'])).toBe('renderer-limitation')
    expect(classifyFinding('failed', 'render threw: <text> nodes are not currently supported', ['render-failed'])).toBe('renderer-limitation')
    expect(
      classifyFinding('failed', 'the image function threw: `getTranslations` is not supported in Client Components.', ['render-failed']),
    ).toBe('user-code-threw')
    expect(classifyFinding('failed', 'New snapshot was not written. …')).toBe('snapshot-missing')
    expect(classifyFinding('failed', 'Expected image to match or be a close match to snapshot but was 2% different')).toBe('snapshot-mismatch')
    expect(classifyFinding('skipped', 'no values for [slug]')).toBe('not-covered')
  })

  test('the command words the matcher’s messages as imgmeta update and drops links to files that do not exist', () => {
    const message =
      'Expected image to match or be a close match to snapshot but was 2% different from snapshot (9 differing pixels of 400).\n' +
      'Snapshot: __image_snapshots__/routes/icon.png\nSee diff for details: __image_snapshots__/routes/__diff_output__/icon-diff.png\n' +
      'Run vitest with -u to accept the new image.'
    expect(commandWording(message)).toBe(
      'Expected image to match or be a close match to snapshot but was 2% different from snapshot (9 differing pixels of 400).\n' +
        'Snapshot: __image_snapshots__/routes/icon.png\nRun `imgmeta update` to accept the new image.',
    )
    expect(commandWording('Snapshot: a.png\nRun the test locally (or with -u) and commit the new file.')).toBe(
      'Snapshot: a.png\nRun `imgmeta update` locally and commit the new file.',
    )
  })
})

describe('imgmeta check on routes that fail for five different causes', () => {
  let dir: string
  let run: CliRun
  beforeAll(async () => {
    dir = copyFixture('findings-app')
    run = await runCli(['check'], dir)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** The block the terminal prints for one failed image: from its ✗ line to its advice. */
  function block(test: string): string {
    const start = run.stdout.indexOf(`  test: ${test}\n`)
    const end = run.stdout.indexOf('\n  → ', start)
    expect(start, run.stdout).toBeGreaterThan(0)
    return run.stdout.slice(start, run.stdout.indexOf('\n', end + 1))
  }

  test('the command fails, and only the route’s known params pass', () => {
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toMatch(/Images +8 \(2 passed, 6 failed, 0 not covered\) in 6 routes/)
  })

  test('a route that fetches: the finding names the URL, the advice says how to record it', () => {
    expect(block('/fetches/opengraph-image')).toContain('GET https://cms.imgmeta.invalid/posts/1.json has no recording in ')
    expect(block('/fetches/opengraph-image')).toContain(`→ ${ADVICE.network}`)
  })

  test('a route that calls notFound() for some params: answered 404 as Next does, reported as such', () => {
    expect(block('/retired/icon')).toContain(
      "GET /retired/icon: the image function called notFound(), so Next answers 404 and the page's tag points at no image. [route-not-found]",
    )
    expect(block('/retired/icon')).toContain(`→ ${ADVICE['route-answered']}`)
  })

  test('a layout that cannot be loaded: the finding names the layout, its error and how to give params instead', () => {
    expect(block('/broken/[id]/icon')).toContain(
      "app/broken/layout.tsx could not be loaded to read its generateStaticParams, so app/broken/[id]/icon.tsx has no params: Cannot find module './theme-that-was-renamed'",
    )
    expect(block('/broken/[id]/icon')).toContain('give the params of "/broken/[id]" in imgmeta.config.ts')
    expect(block('/broken/[id]/icon')).toContain(`→ ${ADVICE['module-failed']}`)
  })

  test('user code that throws, and CSS next/og cannot draw, each get their own advice', () => {
    expect(block('/throws/icon')).toContain('the default export threw: no brand colour configured')
    expect(block('/throws/icon')).toContain(`→ ${ADVICE['user-code-threw']}`)
    expect(block('/grid/icon')).toContain('Invalid value for CSS property "display"')
    expect(block('/grid/icon')).toContain(`→ ${ADVICE['renderer-limitation']}`)
  })

  test('a route whose generateImageMetadata throws on next build’s params: {} is reported as breaking the build', () => {
    expect(block('/posts/[slug]/opengraph-image (next build)')).toContain(
      "app/posts/[slug]/opengraph-image.tsx (route /posts/[slug]/opengraph-image): next build calls generateImageMetadata({ params: {} }) to list the ids, without the params of [slug], and it threw: Cannot read properties of undefined (reading 'toUpperCase'). " +
        'The build fails: "Failed to collect page data for /posts/[slug]/opengraph-image/[__metadata_id__]".',
    )
    expect(block('/posts/[slug]/opengraph-image (next build)')).toContain(`→ ${ADVICE['breaks-next-build']}`)
    // The page's own params still render: only the build-time call fails.
    expect(run.stdout).not.toMatch(/✗.*\/posts\/hello\/opengraph-image\/card/)
  })

  test('nothing in the output speaks of vitest', () => {
    expect(run.stdout + run.stderr).not.toMatch(/vitest|\s-u\b/i)
  })
})
