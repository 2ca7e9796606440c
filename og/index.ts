// The public API of `imgmeta/og`: a next/og-compatible renderer that is deterministic and never uses the network.
export { ImageResponse, type ImageResponseOptions } from './image-response.js'
export {
  render,
  renderPixels,
  renderSvg,
  EMOJI_STYLES,
  type EmojiStyle,
  type PixelsResult,
  type RenderOptions,
  type RenderResult,
  type SvgResult,
} from './render.js'
export { STRICT_CSS_ENV } from './strict-css.js'
export { encodePng, PNG_DEFLATE_LEVEL, type EncodePngOptions } from './png-encode.js'
export { DEFAULT_FONT_NAME, defaultFontPath, type FontOptions } from './fonts.js'
export { SUPPORTED_CSS_PROPERTIES, isSupportedCssProperty } from './css-support.js'
export { IMAGE_TYPES } from './image-sources.js'
export {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  FONT_CACHE_ENTRIES,
  MAX_DIMENSION,
  MAX_ELEMENT_DEPTH,
  MAX_FONT_BYTES,
  MAX_IMAGE_SOURCE_BYTES,
} from './limits.js'
