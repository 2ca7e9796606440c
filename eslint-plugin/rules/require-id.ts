import { createRule } from '../utils/create-rule.js'
import { objectShape } from '../utils/expressions.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { routeMetadataItems } from '../utils/route-metadata.js'

/** Every item generateImageMetadata returns needs an `id`: it is the URL segment that selects the image. */
export default createRule({
  name: 'require-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an `id` on every item returned from `generateImageMetadata`',
      recommended: true,
    },
    schema: [],
    messages: {
      missingId:
        'This image metadata item has no `id`: Next 16 throws "id property is required for every item returned from generateImageMetadata" ' +
        '(14 and 15 fall back to the array index). Add a unique `id` such as `id: \'small\'`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        for (const item of routeMetadataItems(file, context.sourceCode)) {
          const shape = objectShape(item)
          if (shape.open || shape.properties.has('id')) continue
          context.report({ node: item, messageId: 'missingId' })
        }
      },
    }
  },
})
