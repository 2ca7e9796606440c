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
