/** Stable codes of the errors imgmeta throws; callers switch on these, never on messages. */
export type ImgmetaErrorCode =
  | 'not-an-image-route'
  | 'missing-param'
  | 'missing-default-export'
  | 'generate-image-metadata-failed'
  | 'timeout'
  | 'invalid-image-metadata'
  | 'invalid-option'
  | 'render-failed'
  | 'invalid-image'
  | 'image-too-large'
  | 'font-failed'
  | 'unsupported-image-source'
  | 'snapshot-failed'
  | 'config-failed'
  | (string & {})

/** The one error type imgmeta throws: a stable `code` plus a message that names file, route, id and the fix. */
export class ImgmetaError extends Error {
  readonly code: ImgmetaErrorCode

  constructor(code: ImgmetaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ImgmetaError'
    this.code = code
  }
}
