import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { objectShape, unwrapExpression } from '../utils/expressions.js'
import { declaredSizes, imageFunctionResponses, imageResponseSizes, type PixelSize } from '../utils/image-response.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { declaredFieldValues, isInLintedFile } from '../utils/route-metadata.js'

/** A declared size is what the tag tells browsers; the ImageResponse options are what they get. */
export default createRule({
  name: 'size-matches-output',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require declared `size` literals to match the `width`/`height` passed to `ImageResponse`',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      sizeMismatch:
        'Declared size {{declared}} differs from the {{rendered}} the `ImageResponse` renders. ' +
        'Pass `{ width: {{width}}, height: {{height}} }` to `ImageResponse`, or declare the size it renders.',
      noOutputSize:
        'Declared size {{declared}}, but the `ImageResponse` is given no width/height and renders 1200x630. ' +
        'Pass `{ width: {{width}}, height: {{height}} }` to `ImageResponse`.',
      declareRendered: 'Declare the rendered size, {{size}}.',
      renderDeclared: 'Render the declared size, {{size}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        if (!file.route) return
        const responses = imageFunctionResponses(file)
        if (!responses) return
        const rendered: PixelSize[] = []
        let defaultsOnly = true
        for (const response of responses) {
          const sizes = imageResponseSizes(response, file.values)
          // One unreadable output size and any declared size may be right.
          if (!sizes) return
          rendered.push(...sizes)
          if (response.arguments.length > 1 && hasDimension(response)) defaultsOnly = false
        }
        const distinctRendered = unique(rendered)
        const declared = declaredFieldValues(file, 'size')
        const distinctDeclared = unique(declared.flatMap(({ value }) => declaredSizes(value, file.values) ?? []))
        for (const { value, reportAt } of declared) {
          const sizes = declaredSizes(value, file.values)
          const wrong = sizes?.find((size) => !rendered.some((r) => r.width === size.width && r.height === size.height))
          if (!wrong) continue
          const data = { declared: format(wrong), rendered: distinctRendered.map(format).join(' or '), width: wrong.width, height: wrong.height }
          const suggest: TSESLint.ReportSuggestionArray<'declareRendered' | 'renderDeclared'> = []
          const target = distinctRendered.length === 1 ? distinctRendered[0]! : null
          const declaredLiterals = reportAt === value ? writtenSize(value) : null
          if (target && declaredLiterals) {
            suggest.push({
              messageId: 'declareRendered',
              data: { size: format(target) },
              fix: (fixer) => [
                fixer.replaceText(declaredLiterals.width, String(target.width)),
                fixer.replaceText(declaredLiterals.height, String(target.height)),
              ],
            })
          }
          // Changing the rendered size only helps when every item declares the same one.
          const renderedLiterals = responses.length === 1 && distinctDeclared.length === 1 ? writtenOptions(responses[0]!) : null
          if (renderedLiterals) {
            suggest.push({
              messageId: 'renderDeclared',
              data: { size: format(wrong) },
              fix: (fixer) => [
                fixer.replaceText(renderedLiterals.width, String(wrong.width)),
                fixer.replaceText(renderedLiterals.height, String(wrong.height)),
              ],
            })
          }
          context.report({ node: reportAt, messageId: defaultsOnly ? 'noOutputSize' : 'sizeMismatch', data, suggest })
        }
      },
    }
  },
})

/** The number literals of `{ width: 1, height: 2 }` written in place in the linted file, or null. */
function writtenSize(node: TSESTree.Node): { width: TSESTree.Node; height: TSESTree.Node } | null {
  const value = unwrapExpression(node)
  if (value.type !== AST_NODE_TYPES.ObjectExpression || !isInLintedFile(value)) return null
  const shape = objectShape(value)
  const width = shape.properties.get('width')?.value
  const height = shape.properties.get('height')?.value
  const isNumber = (n: TSESTree.Node | undefined): n is TSESTree.Literal =>
    n?.type === AST_NODE_TYPES.Literal && typeof n.value === 'number'
  return !shape.open && isNumber(width) && isNumber(height) ? { width, height } : null
}

/** The width/height literals written in an ImageResponse's own options, or null. */
function writtenOptions(response: TSESTree.NewExpression): { width: TSESTree.Node; height: TSESTree.Node } | null {
  const options = response.arguments[1]
  return options && isInLintedFile(response) ? writtenSize(options) : null
}

function hasDimension(response: TSESTree.NewExpression): boolean {
  const options = response.arguments[1]
  if (options?.type !== 'ObjectExpression') return true
  const shape = objectShape(options)
  return shape.open || shape.properties.has('width') || shape.properties.has('height')
}

function unique(sizes: PixelSize[]): PixelSize[] {
  return [...new Map(sizes.map((s) => [format(s), s])).values()]
}

function format(size: PixelSize): string {
  return `${size.width}x${size.height}`
}
