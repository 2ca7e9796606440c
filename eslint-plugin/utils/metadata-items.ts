import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { isFunctionNode, unwrapExpression, type FunctionNode } from './expressions.js'
import { constantInitializer } from './local-values.js'
import { returnedValues } from './returned-values.js'

/** How deep nested constants, conditionals and callbacks are followed when looking for items. */
export const MAX_ITEM_DEPTH = 8

/**
 * The object literals `generateImageMetadata` returns as items, wherever they are written: in `return [...]`,
 * in `.map(() => ({ ... }))` callbacks, in constants the return refers to, in either branch of `a ? b : c`.
 * Values it cannot see (parameters, calls, imports) contribute nothing.
 */
export function metadataItems(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ObjectExpression[] {
  const items: TSESTree.ObjectExpression[] = []
  const seen = new Set<TSESTree.Node>()
  for (const value of returnedValues(fn)) {
    if (value) collectArray(value, 0)
  }
  return items

  function collectArray(node: TSESTree.Node, depth: number): void {
    if (depth > MAX_ITEM_DEPTH || seen.has(node)) return
    seen.add(node)
    const value = unwrapExpression(node)
    switch (value.type) {
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of value.elements) {
          if (element === null) continue
          if (element.type === AST_NODE_TYPES.SpreadElement) collectArray(element.argument, depth + 1)
          else collectItem(element, depth + 1)
        }
        return
      case AST_NODE_TYPES.Identifier: {
        const init = constantInitializer(value, sourceCode)
        if (init) collectArray(init, depth + 1)
        return
      }
      case AST_NODE_TYPES.ConditionalExpression:
        collectArray(value.consequent, depth + 1)
        collectArray(value.alternate, depth + 1)
        return
      case AST_NODE_TYPES.LogicalExpression:
        collectArray(value.left, depth + 1)
        collectArray(value.right, depth + 1)
        return
      case AST_NODE_TYPES.CallExpression: {
        const callback = mapCallback(value)
        if (callback) for (const returned of returnedValues(callback)) if (returned) collectItem(returned, depth + 1)
        return
      }
      default:
        return
    }
  }

  function collectItem(node: TSESTree.Node, depth: number): void {
    if (depth > MAX_ITEM_DEPTH) return
    const value = unwrapExpression(node)
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      if (!seen.has(value)) items.push(value)
      seen.add(value)
    } else if (value.type === AST_NODE_TYPES.Identifier) {
      const init = constantInitializer(value, sourceCode)
      if (init) collectItem(init, depth + 1)
    } else if (value.type === AST_NODE_TYPES.ConditionalExpression) {
      collectItem(value.consequent, depth + 1)
      collectItem(value.alternate, depth + 1)
    }
  }
}

/** The callback of `list.map(cb)` or `Array.from(list, cb)`, when it is written inline. */
function mapCallback(call: TSESTree.CallExpression): FunctionNode | null {
  const callee = call.callee
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null
  if (callee.property.type !== AST_NODE_TYPES.Identifier) return null
  const method = callee.property.name
  const isArrayFrom =
    method === 'from' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array'
  const callback = method === 'map' ? call.arguments[0] : isArrayFrom ? call.arguments[1] : undefined
  return isFunctionNode(callback) ? callback : null
}
