import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'
import { isFunctionNode, type FunctionNode } from './expressions.js'
import { returnedValues } from './returned-values.js'
import { possibleValues, type ValueContext } from './values.js'

/** How deep nested arrays, spreads and callbacks are followed when looking for items. */
export const MAX_ITEM_DEPTH = 8

/**
 * The object literals `generateImageMetadata` returns as items, wherever they are written: in `return [...]`
 * on every path (`if`/`else`, `switch`, `try`/`catch`), in `.map(() => ({ ... }))` callbacks, in constants and
 * helper functions (of the file or of imported project modules) the return refers to, in either branch of
 * `a ? b : c`. Values it cannot see (parameters, calls to packages) contribute nothing.
 */
export function metadataItems(fn: FunctionNode, vc: ValueContext): TSESTree.ObjectExpression[] {
  const items: TSESTree.ObjectExpression[] = []
  const seen = new Set<TSESTree.Node>()
  for (const value of returnedValues(fn)) {
    if (value) collectArray(value, 0)
  }
  return items

  function collectArray(node: TSESTree.Node, depth: number): void {
    if (depth > MAX_ITEM_DEPTH) return
    for (const value of possibleValues(node, vc) ?? []) {
      if (seen.has(value)) continue
      seen.add(value)
      if (value.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of value.elements) {
          if (element === null) continue
          if (element.type === AST_NODE_TYPES.SpreadElement) collectArray(element.argument, depth + 1)
          else collectItem(element, depth + 1)
        }
      } else if (value.type === AST_NODE_TYPES.CallExpression) {
        const callback = mapCallback(value)
        if (callback) for (const returned of returnedValues(callback)) if (returned) collectItem(returned, depth + 1)
      }
    }
  }

  function collectItem(node: TSESTree.Node, depth: number): void {
    if (depth > MAX_ITEM_DEPTH) return
    for (const value of possibleValues(node, vc) ?? []) {
      if (value.type === AST_NODE_TYPES.ObjectExpression && !seen.has(value)) {
        seen.add(value)
        items.push(value)
      }
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
