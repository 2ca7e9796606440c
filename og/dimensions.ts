import { ImgmetaError } from '../src/errors.js'
import { MAX_DIMENSION } from './limits.js'

/** Returns `value` (or `fallback` when undefined) if it is a positive integer no larger than {@link MAX_DIMENSION}. */
export function checkDimension(name: 'width' | 'height', value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ImgmetaError('invalid-option', `imgmeta/og: ${name} must be a positive integer number of pixels, got ${JSON.stringify(value) ?? String(value)}.`)
  }
  if (value > MAX_DIMENSION) {
    throw new ImgmetaError('image-too-large', `imgmeta/og: ${name} ${value} is larger than the limit of ${MAX_DIMENSION} pixels.`)
  }
  return value
}
