import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'
import type { FunctionNode } from './expressions.js'

/**
 * What a function returns: the expression body of an arrow, or the argument of each `return` in its own body
 * (returns of nested functions are theirs, not this function's). A bare `return;` counts as null.
 */
export function returnedValues(fn: FunctionNode): (TSESTree.Expression | null)[] {
  return functionReturns(fn).map((r) => r.value)
}

/** One way a function returns: the value (null for a bare `return;`) and the node to report about it. */
export interface FunctionReturn {
  value: TSESTree.Expression | null
  node: TSESTree.Node
}

/** Each `return` of the function's own body (or its expression body), with its value. */
export function functionReturns(fn: FunctionNode): FunctionReturn[] {
  if (fn.body === null || fn.body === undefined) return []
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [{ value: fn.body, node: fn.body }]
  const out: FunctionReturn[] = []
  collectReturns(fn.body, out)
  return out
}

function collectReturns(statement: TSESTree.Statement | null | undefined, out: FunctionReturn[]): void {
  if (!statement) return
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
      out.push({ value: statement.argument, node: statement })
      return
    case AST_NODE_TYPES.BlockStatement:
      for (const s of statement.body) collectReturns(s, out)
      return
    case AST_NODE_TYPES.IfStatement:
      collectReturns(statement.consequent, out)
      collectReturns(statement.alternate, out)
      return
    case AST_NODE_TYPES.TryStatement:
      collectReturns(statement.block, out)
      collectReturns(statement.handler?.body, out)
      collectReturns(statement.finalizer, out)
      return
    case AST_NODE_TYPES.SwitchStatement:
      for (const c of statement.cases) for (const s of c.consequent) collectReturns(s, out)
      return
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.WithStatement:
      collectReturns(statement.body, out)
      return
    default:
      return
  }
}
