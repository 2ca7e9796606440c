import type { TSESTree } from '@typescript-eslint/utils'
import type { ImageRouteFile } from './image-route-file.js'
import { foreignProgramOf } from './local-modules.js'
import { metadataItems } from './metadata-items.js'
import { resolvedShape } from './values.js'

/** An image metadata field a route declares per item or, without `generateImageMetadata`, as a file export. */
export type DeclaredField = 'size' | 'contentType'

/**
 * The items the route's `generateImageMetadata` returns (see `metadataItems`); none when the file is not an
 * image route or the function is not written in it.
 */
export function routeMetadataItems(file: ImageRouteFile): TSESTree.ObjectExpression[] {
  if (!file.route || !file.generateImageMetadataFunction) return []
  return metadataItems(file.generateImageMetadataFunction, file.values)
}

/** True when the node is written in the linted file (not in a module it imports), so it can be reported. */
export function isInLintedFile(node: TSESTree.Node): boolean {
  return foreignProgramOf(node) === undefined
}

/** A value written for a field, and where to report about it (the export when the value lives in another module). */
export interface DeclaredValue {
  value: TSESTree.Node
  reportAt: TSESTree.Node
}

/**
 * The values written for `field` that Next uses: each item's property (spreads of known objects included)
 * when the route exports `generateImageMetadata` (the file-level export is then ignored), else the file-level
 * export. None when `generateImageMetadata` comes from another module, whose items cannot be read.
 */
export function declaredFieldValues(file: ImageRouteFile, field: DeclaredField): DeclaredValue[] {
  if (file.generateImageMetadata) {
    const fallback = file.generateImageMetadata.node
    return routeMetadataItems(file).flatMap((item) => {
      const property = resolvedShape(item, file.values)?.properties.get(field)
      if (!property) return []
      return [{ value: property.value, reportAt: isInLintedFile(property.value) ? property.value : fallback }]
    })
  }
  const exported = file.exports.byName.get(field)
  if (!exported?.value) return []
  return [{ value: exported.value, reportAt: isInLintedFile(exported.value) ? exported.value : exported.node }]
}
