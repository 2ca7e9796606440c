import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'

/** A node that has a body of statements or an expression and takes parameters. */
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression

/** True for function declarations, function expressions and arrows. */
export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  )
}

/** Strips what does not change a value: `x as T`, `x satisfies T`, `x!`, `<T>x`, `await x`. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.AwaitExpression:
        current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression
        break
      default:
        return current
    }
  }
}

/** The static name of a property key (`a`, `'a'`, `['a']`, `[1]`), or null when it is computed at run time. */
export function propertyKeyName(property: TSESTree.Property | TSESTree.TSPropertySignature): string | null {
  const key = property.key
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value)
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? null
  }
  return null
}

/** The properties of an object literal, keyed by static name, and whether a spread or computed key hides others. */
export interface ObjectShape {
  properties: Map<string, TSESTree.Property>
  /** True when a spread or a computed key may add properties the map does not show. */
  open: boolean
}

/** Reads an object literal's statically named properties. */
export function objectShape(node: TSESTree.ObjectExpression): ObjectShape {
  const properties = new Map<string, TSESTree.Property>()
  let open = false
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      open = true
      continue
    }
    const name = propertyKeyName(property)
    if (name === null) open = true
    // The last one wins at run time, as in JavaScript.
    else properties.set(name, property)
  }
  return { properties, open }
}

/** A string or number written as a literal (`'a'`, `1`, `` `a` ``, `-1`), or undefined when not a literal. */
export function literalValue(node: TSESTree.Node): string | number | undefined {
  const value = unwrapExpression(node)
  if (value.type === AST_NODE_TYPES.Literal && (typeof value.value === 'string' || typeof value.value === 'number')) {
    return value.value
  }
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
    return value.quasis[0]?.value.cooked ?? undefined
  }
  if (
    value.type === AST_NODE_TYPES.UnaryExpression &&
    value.operator === '-' &&
    value.argument.type === AST_NODE_TYPES.Literal &&
    typeof value.argument.value === 'number'
  ) {
    return -value.argument.value
  }
  return undefined
}
