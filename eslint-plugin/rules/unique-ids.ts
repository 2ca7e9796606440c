import { createRule } from '../utils/create-rule.js'
import { literalValue, objectShape } from '../utils/expressions.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { routeMetadataItems } from '../utils/route-metadata.js'

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
        for (const item of routeMetadataItems(file, context.sourceCode)) {
          const property = objectShape(item).properties.get('id')
          if (!property) continue
          const value = literalValue(property.value)
          if (value === undefined) continue
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
