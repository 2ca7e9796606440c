// Every rule of the plugin by name; the configs and the docs are derived from this list.
import contentTypeMatchesOutput from './content-type-matches-output.js'
import idType from './id-type.js'
import imageFunctionReturnsResponse from './image-function-returns-response.js'
import imageMetadataReturnsArray from './image-metadata-returns-array.js'
import noCatchAllImageMetadata from './no-catch-all-image-metadata.js'
import noClientComponentInImageResponse from './no-client-component-in-image-response.js'
import noUnknownImageProps from './no-unknown-image-props.js'
import noUnknownMetadataKeys from './no-unknown-metadata-keys.js'
import noRedundantFileMetadata from './no-redundant-file-metadata.js'
import paramsMatchRoute from './params-match-route.js'
import requireId from './require-id.js'
import sizeMatchesOutput from './size-matches-output.js'
import uniqueIds from './unique-ids.js'
import validImageRoute from './valid-image-route.js'

/** The rules, keyed by the name they are configured under (`imgmeta/<name>`). */
export const rules = {
  'content-type-matches-output': contentTypeMatchesOutput,
  'id-type': idType,
  'image-function-returns-response': imageFunctionReturnsResponse,
  'image-metadata-returns-array': imageMetadataReturnsArray,
  'no-catch-all-image-metadata': noCatchAllImageMetadata,
  'no-client-component-in-image-response': noClientComponentInImageResponse,
  'no-unknown-image-props': noUnknownImageProps,
  'no-unknown-metadata-keys': noUnknownMetadataKeys,
  'no-redundant-file-metadata': noRedundantFileMetadata,
  'params-match-route': paramsMatchRoute,
  'require-id': requireId,
  'size-matches-output': sizeMatchesOutput,
  'unique-ids': uniqueIds,
  'valid-image-route': validImageRoute,
}
