// The public API of `imgmeta`: the reference implementation of Next's generateImageMetadata contract.
export { ImgmetaError, type ImgmetaErrorCode } from './errors.js'
export { detectNextVersion, toNextMajor, DEFAULT_NEXT_MAJOR, type NextMajor } from './next-version.js'
export {
  parseImageRoute,
  imageRoutePath,
  routeSuffix,
  isUnderCatchAll,
  CONVENTIONS,
  DEFAULT_PAGE_EXTENSIONS,
  STATIC_EXTENSIONS,
  type Convention,
  type ImageRoute,
  type Params,
  type ParseImageRouteOptions,
  type RouteParam,
  type RouteSegment,
  type SegmentKind,
} from './route.js'
export { readPngHeader, decodePng, isPng, MAX_IMAGE_PIXELS, type PngHeader, type RgbaImage } from './png.js'
export { readImageDimensions, type ImageDimensions } from './image-size.js'
export {
  validateImageMetadata,
  checkRenderedImage,
  catchAllViolation,
  MAX_ITEMS,
  MAX_IMAGE_SIDE,
  ITEM_KEYS,
  IMAGE_CONTENT_TYPES,
  type Violation,
  type ViolationCode,
  type ValidateOptions,
  type RenderedFacts,
} from './contract.js'
export {
  hasGenerateImageMetadata,
  type ImageRouteModule,
  type ImageMetadataItem,
  type ImageSize,
  type GenerateImageMetadataProps,
  type ImageFunctionProps,
} from './image-route-module.js'
export { queryHash, fileQueryHash } from './query-hash.js'
export { DEFAULT_TIMEOUT_MS } from './deadline.js'
export {
  resolveImageMetadata,
  callGenerateImageMetadata,
  generateParams,
  urlId,
  absoluteUrl,
  type ResolvedImage,
  type ResolveOptions,
} from './resolve.js'
export { headTags, renderHeadTags, twitterCardTag, type HeadTag, type HeadTagsOptions } from './head-tags.js'
export {
  createImageRouteHandler,
  renderImageRoute,
  matchImageRequest,
  NEXT_MISSING_ID_MESSAGE,
  type ImageRouteHandlerOptions,
  type ImageRequestMatch,
  type RenderedImage,
  type RenderImageRouteOptions,
} from './handler.js'
export {
  findImageRoutes,
  imageRouteParams,
  listAppFiles,
  importModule,
  MAX_APP_FILES,
  MAX_STATIC_PARAMS,
  type ModuleLoader,
  type FindImageRoutesOptions,
  type ImageRouteParamsOptions,
} from './app.js'
export { pageImageTags, type PageImageTagsOptions } from './page-tags.js'
export { defineConfig, type ImgmetaConfig, type NetworkConfig, type RendererChoice } from './config.js'
