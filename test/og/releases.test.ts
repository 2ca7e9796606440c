import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ImgmetaError } from '../../src/errors.js'
import { readNextOg } from '../../og/installed-next.js'
import { MEASURED_RELEASES, releaseFor, resolveRelease } from '../../og/releases.js'
import { nearestSatori } from '../../og/satori-engines.js'
import { repoNextDir } from '../fixtures/og-corpus/next-og.js'

const STANDIN = path.resolve(import.meta.dirname, '../fixtures/next-14.2.35-standin')
const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-releases-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A copy of the 14.2.35 stand-in whose bundle text is changed by `edit`, as a future release might be. */
function futureRelease(version: string, edit: (bundle: string) => string): string {
  const dir = path.join(scratch, version)
  cpSync(STANDIN, dir, { recursive: true })
  const pkg = path.join(dir, 'package.json')
  writeFileSync(pkg, readFileSync(pkg, 'utf8').replace('14.2.35', version))
  const bundle = path.join(dir, 'dist/compiled/@vercel/og/index.node.js')
  writeFileSync(bundle, edit(readFileSync(bundle, 'utf8')))
  return dir
}

describe('following the installed next', () => {
  it('reads satori, the default font and its declaration from the repository’s real next and from a 14.2 stand-in', () => {
    const real = readNextOg(repoNextDir())
    expect(real).toMatchObject({ satori: MEASURED_RELEASES[real.next]?.satori, triesSharp: true })
    expect(releaseFor(real)).toMatchObject({ satori: '0.29.0', font: { file: 'Geist-Regular.ttf', name: 'geist', weight: 400 } })
    expect(releaseFor(real).caveat).toBeUndefined()
    const old = releaseFor(readNextOg(STANDIN))
    expect(old).toMatchObject({ next: '14.2.35', satori: '0.10.9', font: { file: 'noto-sans-v27-latin-regular.ttf', name: 'sans serif', weight: 700 } })
    expect(old.caveat).toBeUndefined()
  })

  it('reads from the bundle whether next/og refuses local and private image hosts: 16.4 does, 14.2 does not', () => {
    expect(readNextOg(repoNextDir()).blocksPrivateImageHosts).toBe(MEASURED_RELEASES[readNextOg(repoNextDir()).next]?.blocksPrivateImageHosts)
    expect(releaseFor(readNextOg(repoNextDir())).blocksPrivateImageHosts).toBe(true)
    expect(releaseFor(readNextOg(STANDIN)).blocksPrivateImageHosts).toBe(false)
    // A later release that bundles the check (its words in satori's source) is followed, whatever its satori.
    const future = futureRelease('17.3.0', (b) => `${b}\nthrow new Error(\`Image source resolves to a blocked address (SSRF protection): \${A}\`);\n`)
    expect(releaseFor(readNextOg(future)).blocksPrivateImageHosts).toBe(true)
  })

  it('lays an unmeasured release with a satori imgmeta lacks out with the nearest older one, and says so', () => {
    const release = releaseFor(readNextOg(futureRelease('17.0.0', (b) => b.replaceAll('satori@0.10.9', 'satori@0.31.0'))))
    expect(release.satori).toBe('0.29.0')
    expect(release.caveat).toMatch(/^next 17\.0\.0 bundles satori 0\.31\.0, which imgmeta does not have; laid out with satori 0\.29\.0 instead/)
    expect(nearestSatori('0.12.0')).toBe('0.10.9')
    expect(nearestSatori('0.9.0')).toBe('0.10.9')
  })

  it('reads a default font imgmeta does not carry from the release’s own folder', () => {
    const dir = futureRelease('17.1.0', (b) => b.replace('noto-sans-v27-latin-regular.ttf', 'Future-Sans.ttf'))
    const release = releaseFor(readNextOg(dir))
    expect(release.font).toMatchObject({ file: 'Future-Sans.ttf', name: 'sans serif', weight: 700 })
    expect(release.fontDir).toBe(path.join(dir, 'dist/compiled/@vercel/og'))
  })

  it('names a bundle it cannot read in the caveat', () => {
    const release = releaseFor(readNextOg(futureRelease('17.2.0', () => '// nothing imgmeta knows\n')))
    expect(release.caveat).toMatch(/could not read which satori next 17\.2\.0 bundles/)
  })

  it('takes a measured release by name and refuses any other', () => {
    expect(resolveRelease('15.5.29')).toMatchObject({ next: '15.5.29', satori: '0.15.2' })
    expect(() => resolveRelease('13.5.0')).toThrow(ImgmetaError)
    expect(() => resolveRelease('13.5.0')).toThrow(/nextRelease "13\.5\.0" is not a measured release \(14\.2\.35, 15\.5\.29, 16\.0\.9, 16\.1\.6, 16\.4\.6\)/)
  })
})
