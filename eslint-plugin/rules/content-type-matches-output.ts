import { createRule } from '../utils/create-rule.js'
import { literalValue } from '../utils/expressions.js'
import { imageFunctionResponses } from '../utils/image-response.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { declaredFieldValues } from '../utils/route-metadata.js'

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
        if (!file.route || !imageFunctionResponses(file, context.sourceCode)) return
        for (const node of declaredFieldValues(file, 'contentType', context.sourceCode)) {
          const value = literalValue(node)
          if (typeof value !== 'string' || value === IMAGE_RESPONSE_CONTENT_TYPE) continue
          context.report({ node, messageId: 'contentTypeMismatch', data: { declared: value } })
        }
      },
    }
  },
})
