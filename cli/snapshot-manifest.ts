import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The file in the snapshot folder that lists, relative to it, every reference the command has written or
 * compared an image with. It is how `update --prune` proves a file is the command's own when the file carries
 * no render stamp (images of `--renderer next`, or written with `--no-render-stamp`).
 */
export const MANIFEST_FILE = '.imgmeta-manifest.json'

interface Manifest {
  /** What the file is, for whoever opens it. */
  about: string
  files: string[]
}

/** The references the manifest in `snapshotDir` lists, as absolute paths (empty when there is none or it is unreadable). */
export function readManifest(snapshotDir: string): Set<string> {
  try {
    const parsed = JSON.parse(readFileSync(path.join(snapshotDir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>
    const files = Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : []
    // An entry that climbs out of the folder is not one the command wrote: ignore it rather than trust it.
    return new Set(files.filter((f) => !f.split('/').includes('..') && !path.isAbsolute(f)).map((f) => path.join(snapshotDir, f)))
  } catch {
    return new Set()
  }
}

/**
 * Records `add` in the manifest and drops `remove` (absolute paths inside `snapshotDir`), written atomically
 * and only when the list changes, so a run that changes no snapshot leaves the file as it was.
 */
export function updateManifest(snapshotDir: string, add: readonly string[], remove: readonly string[] = []): void {
  const before = readManifest(snapshotDir)
  const after = new Set(before)
  for (const file of add) after.add(path.resolve(file))
  for (const file of remove) after.delete(path.resolve(file))
  if (after.size === before.size && [...after].every((f) => before.has(f))) return
  const manifest: Manifest = {
    about: 'Snapshots written by imgmeta; `imgmeta update --prune` deletes only files listed here or stamped by imgmeta.',
    files: [...after].map((f) => path.relative(snapshotDir, f).split(path.sep).join('/')).sort(),
  }
  const file = path.join(snapshotDir, MANIFEST_FILE)
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`)
  renameSync(temp, file)
}
