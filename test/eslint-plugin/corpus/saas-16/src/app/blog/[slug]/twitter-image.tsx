// Shape: the twitter image re-exports the Open Graph one. Clean (its values live in another file).
export { default, generateImageMetadata } from './opengraph-image'
