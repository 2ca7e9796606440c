import { AST_NODE_TYPES } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { unwrapExpression } from '../utils/expressions.js'
import { imageFunctionResponses } from '../utils/image-response.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { declaredFieldValues, isInLintedFile } from '../utils/route-metadata.js'
import { literalValues } from '../utils/values.js'

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
    fixable: 'code',
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
        if (!file.route || !imageFunctionResponses(file)) return
        for (const { value, reportAt } of declaredFieldValues(file, 'contentType')) {
          const declared = (literalValues(value, file.values) ?? []).find(
            (v) => typeof v === 'string' && v !== IMAGE_RESPONSE_CONTENT_TYPE,
          )
          if (declared === undefined) continue
          const literal = unwrapExpression(value)
          // Only a string written in place is rewritten: a shared constant may serve other routes.
          const fixable = reportAt === value && isInLintedFile(literal) && literal.type === AST_NODE_TYPES.Literal
          context.report({
            node: reportAt,
            messageId: 'contentTypeMismatch',
            data: { declared },
            fix: fixable ? (fixer) => fixer.replaceText(literal, `'${IMAGE_RESPONSE_CONTENT_TYPE}'`) : null,
          })
        }
      },
    }
  },
})
