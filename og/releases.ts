import { ImgmetaError } from '../src/errors.js'
import { installedNextOg, type InstalledNextOg } from './installed-next.js'
import { nearestSatori, SATORI_VERSIONS, type SatoriVersion } from './satori-engines.js'

// Which satori and which default font the reference renderer lays out with. By default it follows the `next`
// installed beside imgmeta: the satori version that release's next/og bundles (read from the bundle) and its
// default font, declared as next/og declares it. Releases are measured against the real next/og by the parity
// corpus (test/golden/og/<release>/).

/** A default font next/og has bundled: the file and how next/og declares it to satori. */
export interface DefaultFontSpec {
  /** The file name inside next/dist/compiled/@vercel/og. */
  file: string
  name: string
  weight: 400 | 700
  style: 'normal'
}

/** The default fonts of measured releases, by file name. */
export const KNOWN_DEFAULT_FONTS: Readonly<Record<string, DefaultFontSpec>> = {
  // Next ≤ 16.1 declares Noto Sans Regular as "sans serif" weight 700: text asking for 700 gets it as is.
  'noto-sans-v27-latin-regular.ttf': { file: 'noto-sans-v27-latin-regular.ttf', name: 'sans serif', weight: 700, style: 'normal' },
  'Geist-Regular.ttf': { file: 'Geist-Regular.ttf', name: 'geist', weight: 400, style: 'normal' },
}

/** How the renderer lays out for one Next release. */
export interface OgRelease {
  /** The Next version this follows; undefined when no `next` is installed (the newest measured layout). */
  next: string | undefined
  satori: SatoriVersion
  font: DefaultFontSpec
  /** The folder of the installed next/og, when the default font is read from there (a font imgmeta does not know). */
  fontDir?: string
  /** True when its next/og refuses `<img>` sources on local and private addresses (og/blocked-hosts.ts). */
  blocksPrivateImageHosts: boolean
  /** Why this layout may differ from that release's next/og; listed in every render's warnings. */
  caveat?: string
}

/**
 * The releases the parity corpus measured (the real next/og against imgmeta/og, card by card). Whether a release
 * refuses local and private `<img>` hosts is read from its bundle (dist/compiled/@vercel/og/index.node.js):
 * only 16.4.6's satori 0.29 carries the check; 14.2–16.1 fetch any http(s) URL.
 */
export const MEASURED_RELEASES: Readonly<
  Record<string, { vercelOg: string; satori: SatoriVersion; font: string; blocksPrivateImageHosts: boolean }>
> = {
  '14.2.35': { vercelOg: '0.6.3', satori: '0.10.9', font: 'noto-sans-v27-latin-regular.ttf', blocksPrivateImageHosts: false },
  '15.5.29': { vercelOg: '0.7.2', satori: '0.15.2', font: 'noto-sans-v27-latin-regular.ttf', blocksPrivateImageHosts: false },
  '16.0.9': { vercelOg: '0.7.2', satori: '0.15.2', font: 'noto-sans-v27-latin-regular.ttf', blocksPrivateImageHosts: false },
  '16.1.6': { vercelOg: '0.7.2', satori: '0.15.2', font: 'noto-sans-v27-latin-regular.ttf', blocksPrivateImageHosts: false },
  '16.4.6': { vercelOg: '1.0.1', satori: '0.29.0', font: 'Geist-Regular.ttf', blocksPrivateImageHosts: true },
}

/** The newest measured release: what imgmeta/og lays out as when no `next` is installed. */
export const NEWEST_MEASURED = '16.4.6'

function measured(next: string): OgRelease {
  const entry = MEASURED_RELEASES[next]!
  return { next, satori: entry.satori, font: KNOWN_DEFAULT_FONTS[entry.font]!, blocksPrivateImageHosts: entry.blocksPrivateImageHosts }
}

/** The layout for an installed next/og, from what its bundle says; a caveat when imgmeta lacks a piece of it. */
export function releaseFor(og: InstalledNextOg): OgRelease {
  const caveats: string[] = []
  let satori: SatoriVersion
  if (og.satori && (SATORI_VERSIONS as readonly string[]).includes(og.satori)) {
    satori = og.satori as SatoriVersion
  } else if (og.satori) {
    satori = nearestSatori(og.satori)
    caveats.push(`next ${og.next} bundles satori ${og.satori}, which imgmeta does not have; laid out with satori ${satori} instead`)
  } else {
    satori = MEASURED_RELEASES[NEWEST_MEASURED]!.satori
    caveats.push(`imgmeta could not read which satori next ${og.next} bundles (in ${og.dir}); laid out with satori ${satori}`)
  }
  let font: DefaultFontSpec
  let fontDir: string | undefined
  if (og.font) {
    const known = KNOWN_DEFAULT_FONTS[og.font.file]
    const sameDeclaration = known && known.name === og.font.name && known.weight === og.font.weight
    font = sameDeclaration ? known : ({ ...og.font } as DefaultFontSpec)
    // A font imgmeta does not carry is read from the release itself, so it still renders as that release does.
    if (!known) fontDir = og.dir
  } else {
    font = KNOWN_DEFAULT_FONTS[MEASURED_RELEASES[NEWEST_MEASURED]!.font]!
    caveats.push(`imgmeta could not read next ${og.next}'s default font; using ${font.file}`)
  }
  // A bundle that does not say which satori it holds is laid out as the newest release: it refuses as that one does.
  const blocksPrivateImageHosts = og.blocksPrivateImageHosts ?? MEASURED_RELEASES[NEWEST_MEASURED]!.blocksPrivateImageHosts
  const release: OgRelease = { next: og.next, satori, font, blocksPrivateImageHosts, ...(fontDir ? { fontDir } : {}) }
  if (caveats.length > 0) release.caveat = `${caveats.join('; ')} (see docs/renderer.md, "Next releases")`
  return release
}

let installedRelease: OgRelease | undefined

/**
 * The layout to render with: that of `next` (a measured release, e.g. '14.2.35') when given, else that of the
 * installed `next`, else the newest measured one. Throws `invalid-option` for an unmeasured `next`.
 */
export function resolveRelease(next?: string): OgRelease {
  if (next !== undefined) {
    if (!Object.hasOwn(MEASURED_RELEASES, next)) {
      throw new ImgmetaError(
        'invalid-option',
        `imgmeta/og: nextRelease ${JSON.stringify(next)} is not a measured release (${Object.keys(MEASURED_RELEASES).join(', ')}); ` +
          `leave it out to follow the installed next.`,
      )
    }
    return measured(next)
  }
  if (!installedRelease) {
    const og = installedNextOg()
    installedRelease = og ? releaseFor(og) : { ...measured(NEWEST_MEASURED), next: undefined }
  }
  return installedRelease
}
