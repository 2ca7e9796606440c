import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { isFunctionNode, propertyKeyName, type FunctionNode } from './expressions.js'

/**
 * The Next 15→16 migration of one prop of an image function (`params` or `id`): its written type becomes
 * `Promise<…>`, each use `x` becomes `(await x)` and the function becomes `async`. Null when the edit is not
 * mechanical: the type is not written inline in the parameter, the prop is destructured further, a use sits in a
 * nested function (where `await` would not belong to this one) or a written return type would need changing.
 */
export function promiseMigrationFix(
  fn: FunctionNode,
  prop: string,
  typeNode: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  const annotation = typeNode.parent
  if (annotation?.type !== AST_NODE_TYPES.TSTypeAnnotation || annotation.parent?.type !== AST_NODE_TYPES.TSPropertySignature) {
    return null
  }
  if (!fn.async && fn.returnType) return null
  let first = fn.params[0]
  if (first?.type === AST_NODE_TYPES.AssignmentPattern) first = first.left
  if (first?.type !== AST_NODE_TYPES.ObjectPattern) return null
  const property = first.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === prop,
  )
  if (property?.value.type !== AST_NODE_TYPES.Identifier) return null
  const local = property.value
  const variable = sourceCode.getDeclaredVariables(fn).find((v) => v.defs.some((d) => d.name === local))
  if (!variable) return null
  const uses = variable.references.filter((r) => r.identifier !== local)
  if (uses.some((r) => !r.isRead() || r.isWrite() || enclosingFunction(r.identifier) !== fn)) return null
  return (fixer) => {
    const fixes = [fixer.replaceText(typeNode, `Promise<${sourceCode.getText(typeNode)}>`)]
    for (const use of uses) {
      const identifier = use.identifier as TSESTree.Identifier
      const parent = identifier.parent
      if (parent?.type === AST_NODE_TYPES.AwaitExpression) continue
      if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === identifier) {
        fixes.push(fixer.replaceText(parent, `${identifier.name}: await ${identifier.name}`))
      } else {
        const text = `await ${identifier.name}`
        fixes.push(fixer.replaceText(identifier, standsAlone(identifier) ? text : `(${text})`))
      }
    }
    if (!fn.async) fixes.push(fixer.insertTextBefore(fn, 'async '))
    return fixes
  }
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent
  while (current && !isFunctionNode(current)) current = current.parent
  return current
}

/** True where `await x` needs no parentheses: a call argument, an initializer, a JSX child, a return value, … */
function standsAlone(node: TSESTree.Identifier): boolean {
  const parent = node.parent
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
      return parent.callee !== node
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.JSXExpressionContainer:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ReturnStatement:
      return true
    case AST_NODE_TYPES.Property:
      return parent.value === node
    default:
      return false
  }
}
