import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'
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
        const first = new Map<string, TSESTree.Node[]>()
        for (const item of routeMetadataItems(file)) {
          const property = resolvedShape(item, file.values)?.properties.get('id')
          if (!property || !isInLintedFile(property)) continue
          const values = literalValues(property.value, file.values)
          // An id that may be one of several values is not a duplicate of any one of them.
          if (values?.length !== 1) continue
          const value = values[0]!
          // Next compares `String(item.id)` with the segment, so 1 and '1' are the same id.
          const id = String(value)
          const earlier = (first.get(id) ?? []).find((node) => !inExclusiveBranches(node, property.value))
          if (earlier) context.report({ node: property.value, messageId: 'duplicateId', data: { id, line: earlier.loc.start.line } })
          first.set(id, [...(first.get(id) ?? []), property.value])
        }
      },
    }
  },
})

/**
 * True when two nodes sit in different branches of one `if`/`else`, `a ? b : c` or `switch`: the arrays they
 * belong to are returned on different paths, so their ids never meet.
 */
function inExclusiveBranches(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const ancestors = new Set<TSESTree.Node>()
  for (let node: TSESTree.Node | undefined = a; node; node = node.parent) ancestors.add(node)
  let child: TSESTree.Node = b
  for (let node = b.parent; node; child = node, node = node.parent) {
    if (!ancestors.has(node)) continue
    const branchOfA = [...ancestors].find((n) => n.parent === node)
    if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) {
      return branchOfA !== undefined && branchOfA !== child && branchOfA !== node.test && child !== node.test
    }
    if (node.type === AST_NODE_TYPES.SwitchStatement) {
      return branchOfA !== undefined && branchOfA !== child && branchOfA !== node.discriminant && child !== node.discriminant
    }
    return false
  }
  return false
}
