import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { isFunctionNode, literalValue, propertyKeyName, unwrapExpression, type FunctionNode } from './expressions.js'
import { foreignFileOf, foreignProgramOf, loadLocalModule, resolveLocalImport } from './local-modules.js'
import { declarationOf, moduleExports } from './module-exports.js'
import { returnedValues } from './returned-values.js'

/** What the value resolver needs about the linted file. */
export interface ValueContext {
  sourceCode: Readonly<TSESLint.SourceCode>
  /** The linted file's absolute path: relative imports are resolved from it. */
  filename: string
  /** The project folder (the one holding `app/` or `src/app/`), for `@/` imports; null when unknown. */
  projectRoot: string | null
}

/** How many links (constants, calls, imports, branches) are followed before a value counts as unknown. */
export const MAX_VALUE_DEPTH = 10
/** How many alternatives a value may have before it counts as unknown (ternaries multiply). */
export const MAX_ALTERNATIVES = 16

/**
 * The expressions a value may be at run time, as a reader follows it: through `const` bindings (in the file
 * and in imported project modules), `as const`/`satisfies`/`await`, both branches of `a ? b : c` and `a ?? b`,
 * the returns of helper functions called without arguments that matter, `Promise.resolve(x)`, property reads of
 * known objects and the parameter of an inline `.map` callback over a known array. The result's leaves are
 * literals, object/array literals, `new` and call expressions and JSX. Null when any part cannot be known
 * (parameters, `let`, packages, computed reads): then the rules say nothing.
 */
export function possibleValues(node: TSESTree.Node, vc: ValueContext, depth = 0): TSESTree.Node[] | null {
  if (depth > MAX_VALUE_DEPTH) return null
  const value = unwrapExpression(node)
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierValues(value, vc, depth)
    case AST_NODE_TYPES.ConditionalExpression:
      return union([value.consequent, value.alternate], vc, depth)
    case AST_NODE_TYPES.LogicalExpression:
      return value.operator === '&&' ? null : union([value.left, value.right], vc, depth)
    case AST_NODE_TYPES.MemberExpression:
      return memberValues(value, vc, depth)
    case AST_NODE_TYPES.CallExpression:
      return callValues(value, vc, depth)
    case AST_NODE_TYPES.ChainExpression:
      return possibleValues(value.expression, vc, depth + 1)
    default:
      return [value]
  }
}

function union(nodes: TSESTree.Node[], vc: ValueContext, depth: number): TSESTree.Node[] | null {
  const out: TSESTree.Node[] = []
  for (const node of nodes) {
    const values = possibleValues(node, vc, depth + 1)
    if (values === null) return null
    out.push(...values)
  }
  return out.length > MAX_ALTERNATIVES ? null : out
}

/** The single value an expression has, or null when it has none or several. */
export function singleValue(node: TSESTree.Node, vc: ValueContext): TSESTree.Node | null {
  const values = possibleValues(node, vc)
  return values?.length === 1 ? values[0]! : null
}

function identifierValues(identifier: TSESTree.Identifier, vc: ValueContext, depth: number): TSESTree.Node[] | null {
  const binding = bindingOf(identifier, vc)
  if (binding === undefined) return identifier.name === 'undefined' ? [identifier] : null
  if (binding === null) return null
  if (binding.kind === 'value') return possibleValues(binding.node, vc, depth + 1)
  if (binding.kind === 'function') return [binding.node]
  if (binding.kind === 'callback-element') return union(binding.elements, vc, depth)
  return importedValues(binding.declaration, binding.imported, vc, depth)
}

type Binding =
  | { kind: 'value'; node: TSESTree.Node }
  | { kind: 'function'; node: FunctionNode }
  | { kind: 'callback-element'; elements: TSESTree.Node[] }
  | { kind: 'import'; declaration: TSESTree.ImportDeclaration; imported: string }

/**
 * What a name is bound to: undefined when it is not declared at all (a global), null when it is declared in a
 * way whose value cannot be read (parameters, `let`, destructuring).
 */
function bindingOf(identifier: TSESTree.Identifier, vc: ValueContext): Binding | null | undefined {
  const foreign = foreignProgramOf(identifier)
  if (foreign) return foreignBinding(identifier, foreign)
  const variable = ASTUtils.findVariable(vc.sourceCode.getScope(identifier), identifier.name)
  // Globals (`undefined` among them) are declared by the environment, not by a definition in the code.
  if (!variable || variable.defs.length === 0) return undefined
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined
  if (!definition) return null
  switch (definition.type) {
    case 'Variable': {
      const declarator = definition.node
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init === null) return null
      if (definition.parent.kind !== 'const') return null
      return { kind: 'value', node: declarator.init }
    }
    case 'FunctionName':
      return { kind: 'function', node: definition.node as FunctionNode }
    case 'ImportBinding': {
      const specifier = definition.node
      if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return null
      const declaration = definition.parent as TSESTree.ImportDeclaration
      return { kind: 'import', declaration, imported: importedName(specifier) }
    }
    case 'Parameter':
      return callbackElements(definition.node as FunctionNode, definition.name as TSESTree.Identifier, vc)
    default:
      return null
  }
}

function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'default'
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return '*'
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value
}

/** `[16, 32].map((side) => …)`: `side` is one of the array's elements. */
function callbackElements(fn: FunctionNode, name: TSESTree.Identifier, vc: ValueContext): Binding | null {
  if (fn.params[0] !== name) return null
  const call = fn.parent
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null
  const callee = call.callee
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null
  if (callee.property.type !== AST_NODE_TYPES.Identifier || !['map', 'flatMap', 'forEach'].includes(callee.property.name)) {
    return null
  }
  const receiver = singleValue(callee.object, vc)
  if (receiver?.type !== AST_NODE_TYPES.ArrayExpression) return null
  const elements: TSESTree.Node[] = []
  for (const element of receiver.elements) {
    if (element === null || element.type === AST_NODE_TYPES.SpreadElement) return null
    elements.push(element)
  }
  return { kind: 'callback-element', elements }
}

/** Names of another module are looked up at its top level, unless a function around the node declares them. */
function foreignBinding(identifier: TSESTree.Identifier, program: TSESTree.Program): Binding | null | undefined {
  for (let node: TSESTree.Node | undefined = identifier.parent; node && node !== program; node = node.parent) {
    if (isFunctionNode(node) && declaresLocally(node, identifier.name)) return null
  }
  for (const item of program.body) {
    const statement = declarationOf(item)
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id?.name === identifier.name) {
      return { kind: 'function', node: statement }
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.id.name !== identifier.name) continue
        return statement.kind === 'const' && declarator.init ? { kind: 'value', node: declarator.init } : null
      }
    }
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const specifier of statement.specifiers) {
        if (specifier.local.name === identifier.name) return { kind: 'import', declaration: statement, imported: importedName(specifier) }
      }
    }
  }
  return undefined
}

/** True when the function's parameters or its body's own declarations use the name (so it shadows the module's). */
function declaresLocally(fn: FunctionNode, name: string): boolean {
  if (fn.params.some((param) => bindsName(param, name))) return true
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false
  return fn.body.body.some(
    (s) =>
      (s.type === AST_NODE_TYPES.VariableDeclaration && s.declarations.some((d) => bindsName(d.id, name))) ||
      (s.type === AST_NODE_TYPES.FunctionDeclaration && s.id?.name === name),
  )
}

/** True when a binding pattern (`x`, `{ a: x }`, `[x = 1]`, `...x`) declares the name. */
function bindsName(pattern: TSESTree.Node, name: string): boolean {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern.name === name
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.some((p) => bindsName(p.type === AST_NODE_TYPES.Property ? p.value : p, name))
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.some((e) => e !== null && bindsName(e, name))
    case AST_NODE_TYPES.RestElement:
      return bindsName(pattern.argument, name)
    case AST_NODE_TYPES.AssignmentPattern:
      return bindsName(pattern.left, name)
    case AST_NODE_TYPES.TSParameterProperty:
      return bindsName(pattern.parameter, name)
    default:
      return false
  }
}

function importedValues(
  declaration: TSESTree.ImportDeclaration,
  imported: string,
  vc: ValueContext,
  depth: number,
): TSESTree.Node[] | null {
  if (declaration.importKind === 'type' || imported === '*') return null
  const fromFile = foreignFileOf(declaration) ?? vc.filename
  const file = resolveLocalImport(declaration.source.value, fromFile, vc.projectRoot)
  if (file === null) return null
  const module = loadLocalModule(file)
  if (!module) return null
  const exported = moduleExports(module.program).byName.get(imported)
  if (!exported?.value) return null
  if (isFunctionNode(exported.value)) return [exported.value]
  return possibleValues(exported.value, vc, depth + 1)
}

function memberValues(member: TSESTree.MemberExpression, vc: ValueContext, depth: number): TSESTree.Node[] | null {
  const name = member.computed
    ? (() => {
        const key = literalValue(member.property)
        return key === undefined ? null : String(key)
      })()
    : member.property.type === AST_NODE_TYPES.Identifier
      ? member.property.name
      : null
  if (name === null) return null
  const objects = possibleValues(member.object, vc, depth + 1)
  if (objects === null) return null
  const out: TSESTree.Node[] = []
  for (const object of objects) {
    const shape = resolvedShape(object, vc, depth + 1)
    const property = shape?.properties.get(name)
    if (!property) return null
    const values = possibleValues(property.value, vc, depth + 1)
    if (values === null) return null
    out.push(...values)
  }
  return out.length > MAX_ALTERNATIVES ? null : out
}

function callValues(call: TSESTree.CallExpression, vc: ValueContext, depth: number): TSESTree.Node[] | null {
  const callee = call.callee
  // `Promise.resolve(x)` is x once awaited, which is how Next reads it.
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'resolve' &&
    call.arguments[0]
  ) {
    return possibleValues(call.arguments[0], vc, depth + 1)
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return [call]
  const fn = calledFunction(callee, vc, depth)
  if (!fn) return [call]
  const returned = returnedValues(fn)
  if (returned.length === 0 || returned.includes(null)) return null
  return union(returned as TSESTree.Node[], vc, depth)
}

/** The function a call's callee names when it is written in the file or in an imported project module. */
export function calledFunction(callee: TSESTree.Identifier, vc: ValueContext, depth = 0): FunctionNode | null {
  const values = identifierValues(callee, vc, depth + 1)
  return values?.length === 1 && isFunctionNode(values[0]) ? values[0] : null
}

/** An object's properties by name, spreads and `Object.assign` sources merged in; see `resolvedShape`. */
export interface ResolvedShape {
  properties: Map<string, TSESTree.Property>
  /** True when a spread, source or computed key that cannot be read may add properties. */
  open: boolean
}

/**
 * The properties an object value has: an object literal (its spreads of known objects merged in, the later
 * property winning as in JavaScript) or `Object.assign({}, a, b)`. Null when the value is not one known object.
 */
export function resolvedShape(node: TSESTree.Node, vc: ValueContext, depth = 0): ResolvedShape | null {
  if (depth > MAX_VALUE_DEPTH) return null
  const values = possibleValues(node, vc, depth + 1)
  if (values?.length !== 1) return null
  const value = values[0]!
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const shape: ResolvedShape = { properties: new Map(), open: false }
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) mergeInto(shape, resolvedShape(property.argument, vc, depth + 1))
      else {
        const name = propertyKeyName(property)
        if (name === null) shape.open = true
        else shape.properties.set(name, property)
      }
    }
    return shape
  }
  if (isObjectAssign(value)) {
    const shape: ResolvedShape = { properties: new Map(), open: false }
    for (const argument of value.arguments) {
      mergeInto(shape, argument.type === AST_NODE_TYPES.SpreadElement ? null : resolvedShape(argument, vc, depth + 1))
    }
    return shape
  }
  return null
}

function mergeInto(shape: ResolvedShape, source: ResolvedShape | null): void {
  if (source === null) {
    shape.open = true
    return
  }
  for (const [name, property] of source.properties) shape.properties.set(name, property)
  if (source.open) shape.open = true
}

function isObjectAssign(node: TSESTree.Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Object' &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'assign'
  )
}

/** The literal strings or numbers a value may be; null when any alternative is not a literal. */
export function literalValues(node: TSESTree.Node, vc: ValueContext): (string | number)[] | null {
  const values = possibleValues(node, vc)
  if (values === null) return null
  const out: (string | number)[] = []
  for (const value of values) {
    const literal = literalValue(value)
    if (literal === undefined) return null
    out.push(literal)
  }
  return out
}
