import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { propertyKeyName, unwrapExpression, type FunctionNode } from './expressions.js'

/**
 * The names a function reads from its `params` prop: `{ params: { slug } }`, `params.slug`,
 * `(await params).slug`, `const { slug } = await params`. Names read in ways that cannot be followed (`params`
 * passed on, `params[key]`) are not listed: a rule then only knows the names listed are read.
 */
export function readParamNames(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const names = new Set<string>()
  let first = fn.params[0]
  if (first?.type === AST_NODE_TYPES.AssignmentPattern) first = first.left
  if (first?.type !== AST_NODE_TYPES.ObjectPattern) return names
  const property = first.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === 'params',
  )
  if (!property) return names
  let target = property.value
  if (target.type === AST_NODE_TYPES.AssignmentPattern) target = target.left
  if (target.type === AST_NODE_TYPES.ObjectPattern) {
    addPatternNames(target, names)
    return names
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return names
  const variable = sourceCode.getDeclaredVariables(fn).find((v) => v.name === (target as TSESTree.Identifier).name)
  for (const reference of variable?.references ?? []) addReadAt(reference.identifier, names)
  return names
}

/** What one use of the `params` binding reads: `params.x`, `(await params).x`, `const { x } = await params`. */
function addReadAt(identifier: TSESTree.Node, names: Set<string>): void {
  let node: TSESTree.Node = identifier
  // Climb through what does not change the value: `await params`, `params as P`, `(params)`.
  while (node.parent && node.parent.type !== AST_NODE_TYPES.MemberExpression && unwrapExpression(node.parent) === identifier) {
    node = node.parent
  }
  const parent = node.parent
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    if (!parent.computed && parent.property.type === AST_NODE_TYPES.Identifier) names.add(parent.property.name)
    else if (parent.property.type === AST_NODE_TYPES.Literal && typeof parent.property.value === 'string') {
      names.add(parent.property.value)
    }
  } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
    addPatternNames(parent.id, names)
  }
}

function addPatternNames(pattern: TSESTree.ObjectPattern, names: Set<string>): void {
  for (const p of pattern.properties) {
    if (p.type !== AST_NODE_TYPES.Property) continue
    const name = propertyKeyName(p)
    if (name !== null) names.add(name)
  }
}
