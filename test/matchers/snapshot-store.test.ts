import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileExclusive, resolveSnapshotPaths, writeFileAtomic } from '../../matchers/snapshot-store.js'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))
const fresh = () => (dir = mkdtempSync(path.join(tmpdir(), 'imgmeta-store-')))

describe('atomic writes', () => {
  it('createFileExclusive writes a new file once and never replaces an existing one', () => {
    fresh()
    const file = path.join(dir, 'deep', 'a-snap.png')
    expect(createFileExclusive(file, Buffer.from('first'))).toBe(true)
    expect(createFileExclusive(file, Buffer.from('second'))).toBe(false)
    expect(readFileSync(file, 'utf8')).toBe('first')
    expect(readdirSync(path.dirname(file))).toEqual(['a-snap.png'])
  })

  it('writeFileAtomic replaces the file whole and leaves no temporary file', () => {
    fresh()
    const file = path.join(dir, 'a.png')
    writeFileSync(file, 'old')
    writeFileAtomic(file, Buffer.from('new contents'))
    expect(readFileSync(file, 'utf8')).toBe('new contents')
    expect(readdirSync(dir)).toEqual(['a.png'])
  })
})

describe('resolveSnapshotPaths', () => {
  const testPath = '/project/app/cards.test.ts'

  it('uses jest-image-snapshot’s layout by default', () => {
    expect(resolveSnapshotPaths({ testPath, identifier: 'x-snap' })).toEqual({
      snapshotsDir: '/project/app/__image_snapshots__',
      reference: '/project/app/__image_snapshots__/x-snap.png',
      diff: '/project/app/__image_snapshots__/__diff_output__/x-snap-diff.png',
      received: '/project/app/__image_snapshots__/__received_output__/x-snap-received.png',
    })
  })

  it.each(['../x', 'a/../../x', '/etc/x', 'C:\\x', 'a\0b', '..'])('refuses %j', (identifier) => {
    expect(() => resolveSnapshotPaths({ testPath, identifier })).toThrow(/customSnapshotIdentifier/)
  })
})
