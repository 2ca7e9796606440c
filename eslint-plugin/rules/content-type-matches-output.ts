import type { TSESTree } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { literalValue, objectShape } from '../utils/expressions.js'
import { imageResponseNames, returnedImageResponses } from '../utils/image-response.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { metadataItems } from '../utils/metadata-items.js'

/** What ImageResponse always produces, whatever the route declares. */
const IMAGE_RESPONSE_CONTENT_TYPE = 'image/png'

/** `contentType` only changes the tag; an ImageResponse body is PNG whatever the tag says. */
export default createRule({
  name: 'content-type-matches-output',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a declared `contentType` of `image/png` when the image function returns an `ImageResponse`',
      recommended: true,
    },
    schema: [],
    messages: {
      contentTypeMismatch:
        'The image function returns an `ImageResponse`, which is always image/png, but this declares "{{declared}}": ' +
        'browsers get a wrong type in the tag. Declare `contentType: \'image/png\'` (or remove it: it defaults to image/png).',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        if (!file.route || !file.imageFunction) return
        const responses = returnedImageResponses(file.imageFunction, imageResponseNames(context.sourceCode.ast))
        if (!responses) return
        const declared: TSESTree.Node[] = []
        if (file.generateImageMetadata) {
          if (!file.generateImageMetadataFunction) return
          for (const item of metadataItems(file.generateImageMetadataFunction, context.sourceCode)) {
            const property = objectShape(item).properties.get('contentType')
            if (property) declared.push(property.value)
          }
        } else {
          const exported = file.exports.byName.get('contentType')?.value
          if (exported) declared.push(exported)
        }
        for (const node of declared) {
          const value = literalValue(node)
          if (typeof value !== 'string' || value === IMAGE_RESPONSE_CONTENT_TYPE) continue
          context.report({ node, messageId: 'contentTypeMismatch', data: { declared: value } })
        }
      },
    }
  },
})
