import path from 'node:path'
import { detectNextVersion, toNextMajor, type NextMajor } from '../../src/next-version.js'

/** The shape of `settings.imgmeta` in an ESLint config. */
export interface ImgmetaSettings {
  /** The Next.js major whose behaviour the rules check (13.3+ counts as 14). */
  nextVersion?: string | number
}

/** Detected versions by folder: one lookup per folder, not one per file and rule. */
const detected = new Map<string, NextMajor>()

/**
 * The Next major the rules check against: `settings.imgmeta.nextVersion`, else the `next` package installed
 * for the linted file's folder, else 16.
 */
export function nextVersionOf(context: {
  settings: Record<string, unknown>
  filename: string
  cwd: string
}): NextMajor {
  const settings = context.settings['imgmeta'] as ImgmetaSettings | undefined
  const configured = settings?.nextVersion
  if (typeof configured === 'number' || typeof configured === 'string') return toNextMajor(configured)
  const folder = path.isAbsolute(context.filename) ? path.dirname(context.filename) : context.cwd
  let major = detected.get(folder)
  if (major === undefined) {
    major = detectNextVersion(folder)
    detected.set(folder, major)
  }
  return major
}
