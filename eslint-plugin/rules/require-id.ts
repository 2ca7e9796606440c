import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { isInLintedFile, routeMetadataItems } from '../utils/route-metadata.js'
import { resolvedShape } from '../utils/values.js'

/** Every item generateImageMetadata returns needs an `id`: it is the URL segment that selects the image. */
export default createRule({
  name: 'require-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an `id` on every item returned from `generateImageMetadata`',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingId:
        'This image metadata item has no `id`, the URL segment that selects the image. Next 16 throws ' +
        '"id property is required for every item returned from generateImageMetadata" when it lists the images (the ' +
        'build, when it prerenders them, and every image request); 14 and 15 put the array index in the tag\'s URL, ' +
        'but requesting that URL fails with a 500 (their lookup calls `item.id.toString()`). Add a unique `id` such as `id: \'small\'`.',
      addId: 'Add `id: {{id}}` (its position in the list; a name that describes the image is better).',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        const items = routeMetadataItems(file)
        for (const item of items) {
          if (!isInLintedFile(item)) continue
          const shape = resolvedShape(item, file.values)
          if (!shape || shape.open || shape.properties.has('id')) continue
          const id = positionalId(item)
          context.report({
            node: item,
            messageId: 'missingId',
            suggest: id
              ? [{ messageId: 'addId', data: { id }, fix: (fixer) => insertFirstProperty(fixer, item, `id: ${id}`) }]
              : [],
          })
        }
      },
    }
  },
})

/**
 * An id an item can take without a reader's help: its position when it is written in an array literal
 * (`'1'`), `String(i)` when it is returned by a `.map((x, i) => …)` callback; null otherwise.
 */
function positionalId(item: TSESTree.ObjectExpression): string | null {
  const parent = item.parent
  if (parent?.type === AST_NODE_TYPES.ArrayExpression) return `'${parent.elements.indexOf(item)}'`
  let fn: TSESTree.Node | undefined = parent
  while (fn && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) fn = fn.parent
  const index = fn && 'params' in fn ? fn.params[1] : undefined
  return index?.type === AST_NODE_TYPES.Identifier ? `String(${index.name})` : null
}

/** Inserts `text` as the first property of an object literal, `{ }` and `{}` included. */
function insertFirstProperty(fixer: TSESLint.RuleFixer, item: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix {
  const first = item.properties[0]
  if (first) return fixer.insertTextBefore(first, `${text}, `)
  return fixer.replaceText(item, `{ ${text} }`)
}
