import satoriNewest from 'satori'

// Each satori release lays out differently (line breaks, block heights, CSS support), so imgmeta keeps every
// version a measured Next release bundles, each pinned exactly, and lays out with the one the release uses.

/** satori's layout function (the signature is the same in every kept version). */
export type Satori = typeof satoriNewest

/** The satori versions imgmeta has, oldest first. */
export const SATORI_VERSIONS = ['0.10.9', '0.15.2', '0.29.0'] as const

/** One of the satori versions imgmeta has. */
export type SatoriVersion = (typeof SATORI_VERSIONS)[number]

const loaded = new Map<SatoriVersion, Promise<Satori>>()

async function importSatori(version: SatoriVersion): Promise<Satori> {
  // Literal specifiers, so that bundlers and the package manager see every version. The newest is imported
  // with the module (it is the default); older ones load on first use (a satori module costs a few hundred ms).
  switch (version) {
    case '0.10.9':
      return (await import('satori-0.10.9')).default as unknown as Satori
    case '0.15.2':
      return (await import('satori-0.15.2')).default as unknown as Satori
    case '0.29.0':
      return satoriNewest
  }
}

/** The satori function of that version, loaded once per process. */
export function loadSatori(version: SatoriVersion): Promise<Satori> {
  let found = loaded.get(version)
  if (!found) {
    found = importSatori(version)
    loaded.set(version, found)
  }
  return found
}

/** The kept version a bundled satori version is closest to from below (or the oldest), for unmeasured releases. */
export function nearestSatori(version: string): SatoriVersion {
  const parts = (v: string) => v.split('.').map((n) => Number.parseInt(n, 10) || 0)
  const compare = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)]
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0)
    return 0
  }
  let best: SatoriVersion = SATORI_VERSIONS[0]
  for (const kept of SATORI_VERSIONS) if (compare(kept, version) <= 0) best = kept
  return best
}
