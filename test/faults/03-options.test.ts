// Item 3: options that select nothing, and misspelled or mistyped options, let checks pass without checking.
import path from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { validateConfig } from '../../cli/config.js'
import { parseTimeout } from '../../cli/run-options.js'
import { hardDeadlineMs, imageTestBudgetMs } from '../../src/deadline.js'
import { renderImageRoute } from '../../src/index.js'
import { toHaveValidImageMetadata, type ImageMetadataMatcherOptions } from '../../matchers/image-metadata.js'
import { testImageRoutes } from '../../matchers/test-image-routes.js'
import { imgmeta } from '../../matchers/vitest-plugin.js'
import { REPO } from './fault-project.js'

vi.mock('next/og', () => import('../../og/index.js'))
expect.extend({ toHaveValidImageMetadata })

/** A route whose one item ("small") renders at the wrong size: broken, so every real check of it fails. */
const BROKEN_ROUTE = path.join(REPO, 'test/fixtures/image-routes-app/app/bugs/size/icon.tsx')

async function failureOf(options: unknown): Promise<string> {
  const mod = (await import(/* @vite-ignore */ BROKEN_ROUTE)) as object
  const assertion = expect(mod) as unknown as { toHaveValidImageMetadata(o?: unknown): Promise<void> }
  try {
    await assertion.toHaveValidImageMetadata(options)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`expected toHaveValidImageMetadata(${JSON.stringify(options)}) to fail on a broken route, but it passed`)
}

describe('3. options are checked, and a check that selects nothing fails', () => {
  test('3. an id or index that selects no item fails, naming the ids there are', async () => {
    expect(await failureOf({ id: 'nope' } satisfies ImageMetadataMatcherOptions)).toContain(
      'The id "nope" option selects no item: there is 1 item with id "small". [no-such-item]',
    )
    expect(await failureOf({ index: 5 })).toContain('The index 5 option selects no item: there is 1 item with id "small". [no-such-item]')
    // The item that exists is still checked, and still broken.
    expect(await failureOf({ id: 'small' })).toContain('[size-mismatch]')
  })

  test('3. a wrong type, range or misspelled key of toHaveValidImageMetadata is an error naming it', async () => {
    expect(await failureOf({ nextVersion: 13 })).toContain('nextVersion must be 14, 15 or 16, got 13')
    expect(await failureOf({ render: 'yes' })).toContain('render must be true or false, got "yes"')
    expect(await failureOf({ timeoutMs: -1 })).toContain('timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got -1')
    expect(await failureOf({ rendr: false })).toContain('unknown option "rendr" (did you mean "render"?)')
  })

  test('3. the vitest plugin and imgmeta.config.ts refuse unknown keys with the closest name, and bad values', () => {
    expect(() => imgmeta({ rendrer: 'reference' } as never)).toThrow('unknown option "rendrer" (did you mean "renderer"?)')
    expect(() => imgmeta({ setupFile: 'yes' } as never)).toThrow('setupFile must be true or false')
    expect(() => validateConfig({ snapshotDirs: 'x' }, 'imgmeta.config.ts')).toThrow('unknown option "snapshotDirs" (did you mean "snapshotDir"?)')
    expect(() => validateConfig({ timeoutMs: -1 }, 'imgmeta.config.ts')).toThrow('timeoutMs must be a whole number of milliseconds')
    expect(() => validateConfig({ metadataBase: 'example.com' }, 'imgmeta.config.ts')).toThrow(
      'imgmeta.config.ts: metadataBase must be an absolute URL such as "https://www.example.com", got "example.com"',
    )
    expect(() => validateConfig({ metadataBase: 'https://www.example.com', siteUrl: 'http://localhost:3000' }, 'imgmeta.config.ts')).not.toThrow()
    expect(() => validateConfig({ nextVersion: 13 }, 'imgmeta.config.ts')).toThrow('nextVersion must be 14, 15 or 16')
    expect(() => testImageRoutes('app', { timeotMs: 5 } as never)).toThrow('unknown option "timeotMs" (did you mean "timeoutMs"?)')
    expect(() => testImageRoutes('app', { timeoutMs: 0 })).toThrow('timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got 0')
  })

  test('3. timeoutMs past 2^31-1 ms (which a Node timer fires at once) is refused by the matcher, testImageRoutes, the config and --timeout alike', async () => {
    const tooLong = 2 ** 31
    const rule = 'timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got 2147483648'
    expect(await failureOf({ timeoutMs: tooLong })).toContain(rule)
    expect(() => testImageRoutes('app', { timeoutMs: tooLong })).toThrow(rule)
    expect(() => validateConfig({ timeoutMs: tooLong }, 'imgmeta.config.ts')).toThrow(
      'imgmeta.config.ts: timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647.',
    )
    expect(() => parseTimeout(String(tooLong))).toThrow('--timeout must be a whole number of milliseconds, at least 1 and at most 2147483647')
    // The largest a timer honours is accepted, and the deadlines derived from it stay within what a timer can wait.
    expect(parseTimeout(String(tooLong - 1))).toBe(tooLong - 1)
    expect(hardDeadlineMs(tooLong - 1)).toBe(tooLong - 1)
    expect(imageTestBudgetMs(tooLong - 1)).toBe(tooLong - 1)
  })

  test('3. the API (renderImageRoute) refuses a wrong range, version or misspelled key before running the route', async () => {
    const mod = (await import(/* @vite-ignore */ BROKEN_ROUTE)) as Parameters<typeof renderImageRoute>[0]
    const options = { file: BROKEN_ROUTE, id: 'small' }
    const refusal = (extra: object) => renderImageRoute(mod, { ...options, ...extra }).then(() => 'rendered', (error: Error & { code?: string }) => `${error.code}: ${error.message}`)
    expect(await refusal({ timeoutMs: -1 })).toBe(
      'invalid-option: renderImageRoute options: timeoutMs must be a whole number of milliseconds, at least 1 and at most 2147483647, got -1.',
    )
    expect(await refusal({ nextVersion: 13 })).toBe('invalid-option: renderImageRoute options: nextVersion must be 14, 15 or 16, got 13.')
    expect(await refusal({ file: undefined, fiel: 'x' })).toMatch(/^invalid-option: renderImageRoute options: unknown option "fiel" \(did you mean "file"\?\)\. Valid options: file, /)
    // The same call with valid options renders the route's real image.
    expect(await refusal({})).toBe('rendered')
  })
})
