/** What went wrong with an image, as far as the CLI tells users what to do about it. */
export type FindingKind =
  | 'snapshot-mismatch'
  | 'snapshot-missing'
  | 'metadata'
  | 'render-failed'
  | 'not-covered'
  | 'error'

/** Codes of findings about rendering rather than about the declared metadata. */
const RENDER_CODES = new Set(['render-failed', 'image-function-threw', 'not-a-response', 'unknown-id', 'not-an-image', 'invalid-image', 'timeout'])

/**
 * Sorts a failure or skip into a kind: by the finding codes testImageRoutes recorded when there are any, else
 * by the wording of toMatchImageSnapshot's messages.
 */
export function classifyFinding(state: 'failed' | 'skipped', message: string, codes: readonly string[] = []): FindingKind {
  if (state === 'skipped') return 'not-covered'
  if (codes.length > 0) return codes.every((code) => RENDER_CODES.has(code)) ? 'render-failed' : 'metadata'
  if (/New snapshot was not written/.test(message)) return 'snapshot-missing'
  if (/Expected image to (match or be a close match|be the same size as the snapshot)/.test(message)) return 'snapshot-mismatch'
  if (/render|threw|Response/i.test(message)) return 'render-failed'
  return 'error'
}

/** One line telling the user what to do next about a kind of finding. */
export function adviceFor(kind: FindingKind): string {
  switch (kind) {
    case 'snapshot-mismatch':
      return 'look at the diff; if the change is intended, run `imgmeta update` and commit the snapshot'
    case 'snapshot-missing':
      return 'run `imgmeta update` locally and commit the new snapshot (CI never writes snapshots)'
    case 'metadata':
      return 'fix what generateImageMetadata returns (or what the image renders) so that they agree'
    case 'render-failed':
      return 'fix the default export so that it returns an ImageResponse for this id'
    case 'not-covered':
      return 'give the page generateStaticParams, or set params for this route in imgmeta.config.ts'
    case 'error':
      return 'read the message above; the route file could not be checked'
  }
}
