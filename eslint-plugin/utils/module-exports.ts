import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'
import { unwrapExpression } from './expressions.js'

/** One run-time export of the linted module. */
export interface ModuleExport {
  name: string
  /** Where to report about the export: its name in the export statement, or the default export. */
  node: TSESTree.Node
  /** The exported value followed through local constants, or null when it lives in another module. */
  value: TSESTree.Node | null
}

/** The run-time exports of a module, as far as they can be read from its own text. */
export interface ModuleExports {
  byName: ReadonlyMap<string, ModuleExport>
  /** True when `export * from` may add names this map does not show. */
  exportsAll: boolean
}

/** How many `const a = b` links are followed before giving up (cycles end here too). */
export const MAX_ALIAS_DEPTH = 8

const cache = new WeakMap<TSESTree.Program, ModuleExports>()

/** The declaration a top-level statement holds: `export const x` and `export default function f` give theirs. */
export function declarationOf(item: TSESTree.ProgramStatement): TSESTree.Node {
  return (item.type === AST_NODE_TYPES.ExportNamedDeclaration || item.type === AST_NODE_TYPES.ExportDefaultDeclaration) &&
    item.declaration
    ? item.declaration
    : item
}

/**
 * Finds the module's exports however they are written: `export function`, `export const`, `export { x }`,
 * `export { x as y }`, `export default function`, `export default Identifier`. Values defined in another
 * module (`export { x } from`, imports) are listed with a null value so that rules stay silent about them.
 */
export function moduleExports(program: TSESTree.Program): ModuleExports {
  const cached = cache.get(program)
  if (cached) return cached
  const bindings = topLevelBindings(program)
  const byName = new Map<string, ModuleExport>()
  let exportsAll = false
  const add = (name: string, node: TSESTree.Node, value: TSESTree.Node | null): void => {
    byName.set(name, { name, node, value: value === null ? null : resolveLocal(value, bindings) })
  }

  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration
      if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) continue
      add('default', declaration, declaration)
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      if (statement.exportKind === 'type') continue
      const declaration = statement.declaration
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
        add(declaration.id.name, declaration.id, declaration)
      } else if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) {
        add(declaration.id.name, declaration.id, declaration)
      } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier) {
            const constant = declaration.kind === 'const' && declarator.init !== null
            add(declarator.id.name, declarator.id, constant ? declarator.init : null)
          }
        }
      }
      for (const specifier of statement.specifiers) {
        if (specifier.exportKind === 'type') continue
        const exported = moduleExportName(specifier.exported)
        if (statement.source !== null) {
          byName.set(exported, { name: exported, node: specifier.exported, value: null })
        } else {
          add(exported, specifier.exported, specifier.local)
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      if (statement.exported === null) exportsAll = true
      else {
        const name = moduleExportName(statement.exported)
        byName.set(name, { name, node: statement.exported, value: null })
      }
    }
  }
  const result: ModuleExports = { byName, exportsAll }
  cache.set(program, result)
  return result
}

/** The value a top-level constant or function name stands for, or null when it is imported or reassignable. */
type Bindings = Map<string, TSESTree.Node | null>

function topLevelBindings(program: TSESTree.Program): Bindings {
  const bindings: Bindings = new Map()
  for (const item of program.body) {
    const statement = declarationOf(item)
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration || statement.type === AST_NODE_TYPES.ClassDeclaration) {
      if (statement.id) bindings.set(statement.id.name, statement)
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier) continue
        const constant = statement.kind === 'const' && declarator.init !== null
        bindings.set(declarator.id.name, constant ? declarator.init : null)
      }
    } else if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const specifier of statement.specifiers) bindings.set(specifier.local.name, null)
    }
  }
  return bindings
}

function resolveLocal(node: TSESTree.Node, bindings: Bindings): TSESTree.Node | null {
  let current: TSESTree.Node = node
  for (let depth = 0; depth < MAX_ALIAS_DEPTH; depth++) {
    const value = unwrapExpression(current)
    if (value.type !== AST_NODE_TYPES.Identifier) return value
    const bound = bindings.get(value.name)
    if (bound === undefined || bound === null) return null
    current = bound
  }
  return null
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value
}
