import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import type { ImageRouteFile } from './image-route-file.js'
import type { ModuleExport } from './module-exports.js'
import { isInLintedFile, routeMetadataItems } from './route-metadata.js'
import { literalValues, possibleValues, resolvedShape, type ValueContext } from './values.js'

/** File-level exports that Next reads only when the route has no generateImageMetadata. */
export const FILE_LEVEL_METADATA = ['size', 'contentType', 'alt'] as const
export type FileLevelField = (typeof FILE_LEVEL_METADATA)[number]

/** How an ignored file-level export relates to the items: carried by every item, by none, or otherwise. */
export type ItemsCarry = 'same' | 'none' | 'other'

/**
 * Whether every item of `generateImageMetadata` carries the exported value (`same`: removing the export changes
 * nothing), no item has the field (`none`: the author's value reaches no tag), or anything else, unknown included.
 */
export function itemsCarry(file: ImageRouteFile, name: FileLevelField, exported: ModuleExport): ItemsCarry {
  const items = routeMetadataItems(file)
  if (items.length === 0 || !exported.value) return 'other'
  let same = 0
  let none = 0
  for (const item of items) {
    const shape = resolvedShape(item, file.values)
    if (!shape) return 'other'
    const property = shape.properties.get(name)
    if (!property) {
      if (shape.open) return 'other'
      none++
    } else if (sameValue(property.value, exported.value, file.values)) same++
  }
  if (same === items.length) return 'same'
  return none === items.length ? 'none' : 'other'
}

/** Two expressions with the same known value: the same node, the same literals, or objects of equal literals. */
function sameValue(a: TSESTree.Node, b: TSESTree.Node, vc: ValueContext): boolean {
  const left = possibleValues(a, vc)
  const right = possibleValues(b, vc)
  if (left?.length !== 1 || right?.length !== 1) return false
  if (left[0] === right[0]) return true
  const l = literalValues(left[0]!, vc)
  const r = literalValues(right[0]!, vc)
  if (l && r) return l.length === 1 && r.length === 1 && l[0] === r[0]
  const ls = resolvedShape(left[0]!, vc)
  const rs = resolvedShape(right[0]!, vc)
  if (!ls || !rs || ls.open || rs.open || ls.properties.size !== rs.properties.size) return false
  for (const [key, property] of ls.properties) {
    const other = rs.properties.get(key)
    if (!other || !sameValue(property.value, other.value, vc)) return false
  }
  return true
}

/** `export const size = …` with one declarator, written in the linted file: the statement a fix may edit. */
export function exportedConstStatement(exported: ModuleExport): TSESTree.ExportNamedDeclaration | null {
  const declarator = exported.node.parent
  const declaration = declarator?.parent
  const statement = declaration?.parent
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declaration.declarations.length !== 1 ||
    statement?.type !== AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    return null
  }
  return statement
}

/**
 * Stops exporting a constant: removes the statement when nothing else in the file uses the name, else only
 * the `export` keyword.
 */
export function unexportFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.ExportNamedDeclaration,
): TSESLint.RuleFix {
  const declaration = statement.declaration as TSESTree.VariableDeclaration
  const [variable] = sourceCode.getDeclaredVariables(declaration)
  const usedElsewhere = variable?.references.some((r) => !r.init) ?? true
  if (!usedElsewhere) {
    const next = sourceCode.getTokenAfter(statement, { includeComments: true })
    return fixer.removeRange([statement.range[0], next ? next.range[0] : statement.range[1]])
  }
  return fixer.replaceTextRange([statement.range[0], declaration.range[0]], '')
}

/** The items written in the linted file, when every item is one (a fix may then edit all of them). */
export function editableItems(file: ImageRouteFile): TSESTree.ObjectExpression[] | null {
  const items = routeMetadataItems(file)
  if (items.length === 0 || items.some((item) => !isInLintedFile(item))) return null
  return items
}
