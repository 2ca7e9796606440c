// Item 1: `imgmeta update --prune` deleted every unused PNG under the snapshot folder, wherever it pointed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { MANIFEST_FILE } from '../../cli/snapshot-manifest.js'
import { cardPng } from '../matchers/images.js'
import { faultProject, runCli, SNAPSHOT_DIR, writeProjectFile } from './fault-project.js'

describe('1. data loss: prune deletes only what imgmeta wrote', () => {
  test('1. a snapshot folder at the project root, app/, public/ or outside the project is refused (exit 2) and nothing is deleted', async () => {
    const dir = faultProject()
    const logo = writeProjectFile(dir, 'public/logo.png', cardPng(40, 40))
    const appleIcon = writeProjectFile(dir, 'app/apple-icon.png', cardPng(30, 30))
    const victimDir = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-victim-'))
    const photo = path.join(victimDir, 'photo.png')
    writeFileSync(photo, cardPng(50, 20))
    try {
      const cases: [string, RegExp][] = [
        ['.', /is the project root/],
        [path.relative(dir, victimDir), /is outside the project/],
        ['app', /is inside app\//],
        ['public', /is inside public\//],
      ]
      for (const [snapshotDir, reason] of cases) {
        const run = await runCli(['update', '--prune', '--snapshot-dir', snapshotDir], dir)
        expect(run.code, snapshotDir).toBe(2)
        expect(run.stderr).toMatch(reason)
        expect(run.stderr).not.toMatch(/\n\s+at /)
      }
      for (const file of [logo, appleIcon, photo]) expect(existsSync(file), file).toBe(true)
      expect(readFileSync(photo).equals(cardPng(50, 20))).toBe(true)
    } finally {
      rmSync(victimDir, { recursive: true, force: true })
    }
  })

  test('1. inside its own folder, --prune deletes stamped or manifest-listed snapshots and keeps a PNG imgmeta did not write', async () => {
    const dir = faultProject()
    expect((await runCli(['update'], dir)).code).toBe(0)
    const snapshots = path.join(dir, SNAPSHOT_DIR)
    // An obsolete snapshot imgmeta wrote (a stamped render), and a user's own picture dropped into the folder.
    mkdirSync(path.join(snapshots, 'old'), { recursive: true })
    writeFileSync(path.join(snapshots, 'old/removed-route.png'), readFileSync(path.join(snapshots, 'icon/small.png')))
    const foreign = path.join(snapshots, 'old/holiday.png')
    writeFileSync(foreign, cardPng(64, 48))

    const prune = await runCli(['update', '--prune'], dir)
    expect(prune.code).toBe(0)
    expect(prune.stdout).toContain('Obsolete   1 deleted:\n  - __image_snapshots__/routes/old/removed-route.png')
    expect(prune.stdout).toContain('Obsolete   1 kept: imgmeta did not write them')
    expect(prune.stdout).toContain('  - __image_snapshots__/routes/old/holiday.png')
    expect(existsSync(path.join(snapshots, 'old/removed-route.png'))).toBe(false)
    expect(readFileSync(foreign).equals(cardPng(64, 48))).toBe(true)
  })

  test('1. snapshots written without a render stamp are recorded in the manifest, and only those are pruned', async () => {
    const dir = faultProject()
    expect((await runCli(['update', '--no-render-stamp'], dir)).code).toBe(0)
    const manifest = JSON.parse(readFileSync(path.join(dir, SNAPSHOT_DIR, MANIFEST_FILE), 'utf8')) as { files: string[] }
    expect(manifest.files).toContain('docs/routing/twitter-image.png')
    // The docs route now covers another topic: the snapshot of "routing" is obsolete, unstamped, in the manifest.
    const config = path.join(dir, 'imgmeta.config.ts')
    writeFileSync(config, readFileSync(config, 'utf8').replace("{ topic: 'routing' }", "{ topic: 'caching' }"))
    const foreign = writeProjectFile(dir, `${SNAPSHOT_DIR}/docs/mine.png`, cardPng(20, 20))

    const prune = await runCli(['update', '--prune', '--no-render-stamp'], dir)
    expect(prune.code).toBe(0)
    expect(existsSync(path.join(dir, SNAPSHOT_DIR, 'docs/routing/twitter-image.png'))).toBe(false)
    expect(existsSync(path.join(dir, SNAPSHOT_DIR, 'docs/caching/twitter-image.png'))).toBe(true)
    expect(existsSync(foreign)).toBe(true)
    const after = JSON.parse(readFileSync(path.join(dir, SNAPSHOT_DIR, MANIFEST_FILE), 'utf8')) as { files: string[] }
    expect(after.files).not.toContain('docs/routing/twitter-image.png')
    expect(after.files).toContain('docs/caching/twitter-image.png')
  })
})
