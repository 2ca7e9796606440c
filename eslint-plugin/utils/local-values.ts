import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { objectShape, unwrapExpression, type ObjectShape } from './expressions.js'

/**
 * The initializer of the `const` an identifier refers to, looked up in the identifier's own scope chain;
 * null for parameters, `let`/`var`, imports, destructured names and globals, whose value cannot be read here.
 */
export function constantInitializer(
  identifier: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Expression | null {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name)
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined
  if (definition?.type !== 'Variable') return null
  const declarator = definition.node
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init === null) return null
  if (definition.parent.kind !== 'const') return null
  return declarator.init
}

/**
 * The properties of an object literal written in place or as the initializer of the `const` an identifier
 * refers to; null for any other value, and when a spread or a computed key may hide properties.
 */
export function closedObjectLiteral(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): ObjectShape | null {
  let value = unwrapExpression(node)
  if (value.type === AST_NODE_TYPES.Identifier) {
    const init = constantInitializer(value, sourceCode)
    if (init === null) return null
    value = unwrapExpression(init)
  }
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return null
  const shape = objectShape(value)
  return shape.open ? null : shape
}
