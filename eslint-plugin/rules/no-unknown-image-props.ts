import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { propertyKeyName } from '../utils/expressions.js'
import { imageRouteFile } from '../utils/image-route-file.js'

/** The only props Next passes to an image route's default export. */
const IMAGE_PROPS: ReadonlySet<string> = new Set(['params', 'id'])

/** An image function is called by Next with `{ params, id }` only; any other prop is always undefined. */
export default createRule({
  name: 'no-unknown-image-props',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading props other than `params` and `id` in the default export of an image route',
      recommended: true,
    },
    schema: [],
    messages: {
      unknownProp:
        'Next calls the image function with `{ params, id }` only: `{{name}}` is always undefined. ' +
        'Read it from `params`, or derive it from `id`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const checkPattern = (pattern: TSESTree.ObjectPattern): void => {
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue
        const name = propertyKeyName(property)
        if (name !== null && !IMAGE_PROPS.has(name)) {
          context.report({ node: property.key, messageId: 'unknownProp', data: { name } })
        }
      }
    }
    return {
      Program() {
        const file = imageRouteFile(context)
        const fn = file.imageFunction
        if (!file.route || !fn) return
        let param = fn.params[0]
        if (param?.type === AST_NODE_TYPES.AssignmentPattern) param = param.left
        if (param?.type === AST_NODE_TYPES.ObjectPattern) {
          checkPattern(param)
          return
        }
        if (param?.type !== AST_NODE_TYPES.Identifier) return
        const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.defs[0]?.name === param)
        for (const reference of variable?.references ?? []) {
          const parent = reference.identifier.parent
          if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
            if (parent.computed || parent.property.type !== AST_NODE_TYPES.Identifier) continue
            const name = parent.property.name
            if (!IMAGE_PROPS.has(name)) context.report({ node: parent.property, messageId: 'unknownProp', data: { name } })
          } else if (
            parent?.type === AST_NODE_TYPES.VariableDeclarator &&
            parent.init === reference.identifier &&
            parent.id.type === AST_NODE_TYPES.ObjectPattern
          ) {
            checkPattern(parent.id)
          }
        }
      },
    }
  },
})
