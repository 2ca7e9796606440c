import { createRule } from '../utils/create-rule.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { isInLintedFile, routeMetadataItems } from '../utils/route-metadata.js'
import { literalValues, resolvedShape } from '../utils/values.js'

/** Next serves the first item whose `String(id)` equals the URL segment: a later duplicate is never served. */
export default createRule({
  name: 'unique-ids',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow duplicate literal ids in the items of `generateImageMetadata`',
      recommended: true,
    },
    schema: [],
    messages: {
      duplicateId:
        'Duplicate image id "{{id}}" (first on line {{line}}): Next serves the first item whose id matches the URL, ' +
        'so this image is never served. Give each item a different id.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        const firstLine = new Map<string, number>()
        for (const item of routeMetadataItems(file)) {
          const property = resolvedShape(item, file.values)?.properties.get('id')
          if (!property || !isInLintedFile(property)) continue
          const values = literalValues(property.value, file.values)
          // An id that may be one of several values is not a duplicate of any one of them.
          if (values?.length !== 1) continue
          const value = values[0]!
          // Next compares `String(item.id)` with the segment, so 1 and '1' are the same id.
          const id = String(value)
          const line = firstLine.get(id)
          if (line === undefined) firstLine.set(id, property.value.loc.start.line)
          else context.report({ node: property.value, messageId: 'duplicateId', data: { id, line } })
        }
      },
    }
  },
})
