import { ImgmetaError } from '../src/errors.js'

/** A usage error: exit code 2, the message says which flag or setting and what it accepts. */
export function usageErrorOf(message: string): ImgmetaError {
  return new ImgmetaError('invalid-option', message)
}
