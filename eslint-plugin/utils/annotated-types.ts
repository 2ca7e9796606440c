import { createRequire } from 'node:module'
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import type * as ts from 'typescript'
import { propertyKeyName, type FunctionNode } from './expressions.js'

/**
 * What a written type says about a value, as far as the rules care: `other` is a type that is known and is
 * neither (`number`), `unknown` one the rules cannot read (an alias without type information, `any`).
 */
export type ValueKind = 'string' | 'string[]' | 'other' | 'unknown'

/** One member of an annotated object type: its kind, whether it may be absent, and where it is written. */
export interface MemberType {
  kind: ValueKind
  optional: boolean
  /** Where to report about this member. */
  node: TSESTree.Node
}

/** The type written for a prop (`params`, `id`): its Promise wrapping and, when readable, its members. */
export interface PropType {
  /** Where to report about the whole prop type. */
  node: TSESTree.Node
  promise: boolean
  /** The kind of the value (of the awaited value when wrapped in a Promise). */
  kind: ValueKind
  /** The members of the (awaited) object type; null when they cannot be read. */
  members: Map<string, MemberType> | null
}

/** The parser services with a TypeScript program, or null when the file is linted without type information. */
export function typeServices(sourceCode: Readonly<TSESLint.SourceCode>): ParserServicesWithTypeInformation | null {
  const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined
  return services?.program ? (services as ParserServicesWithTypeInformation) : null
}

/**
 * The type annotated for `prop` on the function's first parameter (`({ params }: { params: … })`). Type
 * literals are read from the syntax; aliases and interfaces only with type information. Null when nothing is
 * annotated or the type cannot be resolved.
 */
export function annotatedPropType(
  fn: FunctionNode,
  prop: string,
  services: ParserServicesWithTypeInformation | null,
): PropType | null {
  let param = fn.params[0]
  if (param?.type === AST_NODE_TYPES.AssignmentPattern) param = param.left
  if (
    param?.type !== AST_NODE_TYPES.ObjectPattern &&
    param?.type !== AST_NODE_TYPES.Identifier
  ) {
    return null
  }
  const annotation = param.typeAnnotation?.typeAnnotation
  if (!annotation) return null
  if (annotation.type === AST_NODE_TYPES.TSTypeLiteral) {
    const member = annotation.members.find(
      (m): m is TSESTree.TSPropertySignature => m.type === AST_NODE_TYPES.TSPropertySignature && propertyKeyName(m) === prop,
    )
    const written = member?.typeAnnotation?.typeAnnotation
    return written ? syntacticPropType(written, services) : null
  }
  if (!services) return null
  const checker = services.program.getTypeChecker()
  const objectType = services.getTypeAtLocation(annotation)
  const symbol = checker.getPropertyOfType(objectType, prop)
  if (!symbol) return null
  return typedPropType(checker.getTypeOfSymbol(symbol), annotation, checker)
}

function syntacticPropType(node: TSESTree.TypeNode, services: ParserServicesWithTypeInformation | null): PropType | null {
  const awaited = promiseArgument(node)
  const inner = awaited ?? node
  if (inner.type === AST_NODE_TYPES.TSTypeLiteral) {
    return { node, promise: awaited !== null, kind: 'other', members: literalMembers(inner) }
  }
  const kind = syntacticKind(inner)
  if (kind.kind !== 'unknown' || inner.type !== AST_NODE_TYPES.TSTypeReference || !services) {
    return { node, promise: awaited !== null, kind: kind.kind, members: null }
  }
  const checker = services.program.getTypeChecker()
  const typed = typedPropType(services.getTypeAtLocation(inner), node, checker)
  return { ...typed, promise: awaited !== null || typed.promise }
}

/** `Promise<X>` → X; anything else → null. */
function promiseArgument(node: TSESTree.TypeNode): TSESTree.TypeNode | null {
  if (
    node.type === AST_NODE_TYPES.TSTypeReference &&
    node.typeName.type === AST_NODE_TYPES.Identifier &&
    node.typeName.name === 'Promise'
  ) {
    return node.typeArguments?.params[0] ?? null
  }
  return null
}

function literalMembers(literal: TSESTree.TSTypeLiteral): Map<string, MemberType> | null {
  const members = new Map<string, MemberType>()
  for (const member of literal.members) {
    // An index signature or a computed key accepts names the literal does not list.
    if (member.type !== AST_NODE_TYPES.TSPropertySignature) return null
    const name = propertyKeyName(member)
    if (name === null) return null
    const written = member.typeAnnotation?.typeAnnotation
    const kind = written ? syntacticKind(written) : { kind: 'unknown' as const, undefinedAllowed: false }
    members.set(name, { kind: kind.kind, optional: member.optional || kind.undefinedAllowed, node: member })
  }
  return members
}

function syntacticKind(node: TSESTree.TypeNode): { kind: ValueKind; undefinedAllowed: boolean } {
  if (node.type === AST_NODE_TYPES.TSUnionType) {
    const defined = node.types.filter((t) => t.type !== AST_NODE_TYPES.TSUndefinedKeyword)
    const kinds = new Set(defined.map((t) => syntacticKind(t).kind))
    const kind = kinds.has('unknown') ? 'unknown' : kinds.size === 1 ? [...kinds][0]! : 'other'
    return { kind, undefinedAllowed: defined.length < node.types.length }
  }
  return { kind: plainKind(node), undefinedAllowed: false }
}

function plainKind(node: TSESTree.TypeNode): ValueKind {
  switch (node.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSTemplateLiteralType:
      return 'string'
    case AST_NODE_TYPES.TSLiteralType:
      return node.literal.type === AST_NODE_TYPES.Literal && typeof node.literal.value === 'string' ? 'string' : 'other'
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSObjectKeyword:
    case AST_NODE_TYPES.TSTypeLiteral:
    case AST_NODE_TYPES.TSTupleType:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSVoidKeyword:
      return 'other'
    case AST_NODE_TYPES.TSArrayType:
      return arrayKind(plainKind(node.elementType))
    case AST_NODE_TYPES.TSTypeOperator:
      return node.operator === 'readonly' && node.typeAnnotation ? plainKind(node.typeAnnotation) : 'unknown'
    case AST_NODE_TYPES.TSTypeReference: {
      const name = node.typeName.type === AST_NODE_TYPES.Identifier ? node.typeName.name : ''
      const argument = node.typeArguments?.params[0]
      if ((name === 'Array' || name === 'ReadonlyArray') && argument) return arrayKind(plainKind(argument))
      if (name === 'Promise') return 'other'
      return 'unknown'
    }
    default:
      return 'unknown'
  }
}

function arrayKind(element: ValueKind): ValueKind {
  if (element === 'string') return 'string[]'
  return element === 'unknown' ? 'unknown' : 'other'
}

let typescript: typeof ts | undefined
/** TypeScript's flag enums, loaded only when type information is in use (plain JS projects may not have it). */
function tsModule(): typeof ts {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof ts
  return typescript
}

function typedPropType(type: ts.Type, node: TSESTree.Node, checker: ts.TypeChecker): PropType {
  const promise = type.getSymbol()?.getName() === 'Promise'
  const inner = promise ? (checker.getAwaitedType(type) ?? type) : type
  const kind = typedKind(inner, checker)
  if (kind.kind !== 'other' || !(inner.flags & tsModule().TypeFlags.Object)) {
    return { node, promise, kind: kind.kind, members: null }
  }
  if (checker.getIndexInfosOfType(inner).length > 0) return { node, promise, kind: 'unknown', members: null }
  const members = new Map<string, MemberType>()
  for (const symbol of checker.getPropertiesOfType(inner)) {
    const memberKind = typedKind(checker.getTypeOfSymbol(symbol), checker)
    const optional = (symbol.flags & tsModule().SymbolFlags.Optional) !== 0 || memberKind.undefinedAllowed
    members.set(symbol.getName(), { kind: memberKind.kind, optional, node })
  }
  return { node, promise, kind: 'other', members }
}

function typedKind(type: ts.Type, checker: ts.TypeChecker): { kind: ValueKind; undefinedAllowed: boolean } {
  const { TypeFlags } = tsModule()
  const parts = type.isUnion() ? type.types : [type]
  const defined = parts.filter((t) => !(t.flags & (TypeFlags.Undefined | TypeFlags.Void)))
  const undefinedAllowed = defined.length < parts.length
  if (defined.some((t) => t.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter))) {
    return { kind: 'unknown', undefinedAllowed }
  }
  if (defined.length > 0 && defined.every((t) => t.flags & TypeFlags.StringLike)) return { kind: 'string', undefinedAllowed }
  if (
    defined.length > 0 &&
    defined.every((t) => {
      if (!checker.isArrayType(t)) return false
      const element = checker.getTypeArguments(t as ts.TypeReference)[0]
      return element !== undefined && typedKind(element, checker).kind === 'string'
    })
  ) {
    return { kind: 'string[]', undefinedAllowed }
  }
  return { kind: 'other', undefinedAllowed }
}
