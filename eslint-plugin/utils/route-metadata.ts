import type { TSESLint, TSESTree } from '@typescript-eslint/utils'
import { objectShape } from './expressions.js'
import type { ImageRouteFile } from './image-route-file.js'
import { metadataItems } from './metadata-items.js'

/** An image metadata field a route declares per item or, without `generateImageMetadata`, as a file export. */
export type DeclaredField = 'size' | 'contentType'

/**
 * The items the route's `generateImageMetadata` returns (see `metadataItems`); none when the file is not an
 * image route or the function is not written in it.
 */
export function routeMetadataItems(
  file: ImageRouteFile,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.ObjectExpression[] {
  if (!file.route || !file.generateImageMetadataFunction) return []
  return metadataItems(file.generateImageMetadataFunction, sourceCode)
}

/**
 * The values written for `field` that Next uses: each item's property when the route exports
 * `generateImageMetadata` (the file-level export is then ignored), else the file-level export. None when
 * `generateImageMetadata` comes from another module, whose items cannot be read.
 */
export function declaredFieldValues(
  file: ImageRouteFile,
  field: DeclaredField,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Node[] {
  if (file.generateImageMetadata) {
    return routeMetadataItems(file, sourceCode).flatMap((item) => {
      const property = objectShape(item).properties.get(field)
      return property ? [property.value] : []
    })
  }
  const exported = file.exports.byName.get(field)?.value
  return exported ? [exported] : []
}
