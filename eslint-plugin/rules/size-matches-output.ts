import type { TSESTree } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { objectShape } from '../utils/expressions.js'
import { declaredSize, imageFunctionResponses, imageResponseSize, type PixelSize } from '../utils/image-response.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { declaredFieldValues } from '../utils/route-metadata.js'

/** A declared size is what the tag tells browsers; the ImageResponse options are what they get. */
export default createRule({
  name: 'size-matches-output',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require declared `size` literals to match the `width`/`height` passed to `ImageResponse`',
      recommended: true,
    },
    schema: [],
    messages: {
      sizeMismatch:
        'Declared size {{declared}} differs from the {{rendered}} the `ImageResponse` renders. ' +
        'Pass `{ width: {{width}}, height: {{height}} }` to `ImageResponse`, or declare the size it renders.',
      noOutputSize:
        'Declared size {{declared}}, but the `ImageResponse` is given no width/height and renders 1200x630. ' +
        'Pass `{ width: {{width}}, height: {{height}} }` to `ImageResponse`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        if (!file.route) return
        const responses = imageFunctionResponses(file, context.sourceCode)
        if (!responses) return
        const rendered: PixelSize[] = []
        let defaultsOnly = true
        for (const response of responses) {
          const size = imageResponseSize(response, context.sourceCode)
          // One unreadable output size and any declared size may be right.
          if (!size) return
          rendered.push(size)
          if (response.arguments.length > 1 && hasDimension(response)) defaultsOnly = false
        }
        for (const node of declaredFieldValues(file, 'size', context.sourceCode)) {
          const size = declaredSize(node, context.sourceCode)
          if (!size || rendered.some((r) => r.width === size.width && r.height === size.height)) continue
          const data = { declared: format(size), rendered: rendered.map(format).join(' or '), width: size.width, height: size.height }
          context.report({ node, messageId: defaultsOnly ? 'noOutputSize' : 'sizeMismatch', data })
        }
      },
    }
  },
})

function hasDimension(response: TSESTree.NewExpression): boolean {
  const options = response.arguments[1]
  if (options?.type !== 'ObjectExpression') return true
  const shape = objectShape(options)
  return shape.properties.has('width') || shape.properties.has('height')
}

function format(size: PixelSize): string {
  return `${size.width}x${size.height}`
}
