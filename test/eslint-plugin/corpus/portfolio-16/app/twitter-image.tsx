// Shape: everything re-exported from the Open Graph image. Clean.
export { default, alt, size, contentType } from './opengraph-image'
