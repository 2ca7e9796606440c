import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils'

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
