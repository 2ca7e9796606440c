import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'

/** What a value is known to be, as far as the return checks care; `unknown` when it cannot be told. */
export type KnownKind = 'array' | 'response' | 'jsx' | 'nullish' | 'primitive' | 'object' | 'function' | 'unknown'

/** Constructors whose instances are responses an image function may return. */
const RESPONSE_CONSTRUCTORS: ReadonlySet<string> = new Set(['ImageResponse', 'Response', 'NextResponse'])

/** The kind of a value the resolver reached (see `possibleValues`). */
export function knownKind(node: TSESTree.Node, imageResponseNames: ReadonlySet<string>): KnownKind {
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return 'array'
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
      return 'jsx'
    case AST_NODE_TYPES.Literal:
      return node.value === null ? 'nullish' : 'primitive'
    case AST_NODE_TYPES.TemplateLiteral:
      return 'primitive'
    case AST_NODE_TYPES.Identifier:
      // The resolver leaves only an undeclared `undefined` as an identifier.
      return node.name === 'undefined' ? 'nullish' : 'unknown'
    case AST_NODE_TYPES.ObjectExpression:
      return 'object'
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
      return 'function'
    case AST_NODE_TYPES.NewExpression: {
      if (node.callee.type !== AST_NODE_TYPES.Identifier) return 'unknown'
      if (RESPONSE_CONSTRUCTORS.has(node.callee.name) || imageResponseNames.has(node.callee.name)) return 'response'
      return node.callee.name === 'Array' ? 'array' : 'unknown'
    }
    case AST_NODE_TYPES.CallExpression:
      return isResponseFactory(node) ? 'response' : 'unknown'
    default:
      return 'unknown'
  }
}

/** `Response.json(…)`, `Response.redirect(…)`, `NextResponse.json(…)`, … */
function isResponseFactory(call: TSESTree.CallExpression): boolean {
  const callee = call.callee
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    (callee.object.name === 'Response' || callee.object.name === 'NextResponse')
  )
}

/** How a kind reads in a message: "`null` or `undefined`", "JSX", … */
export function describeKind(kind: KnownKind): string {
  switch (kind) {
    case 'nullish':
      return '`null` or `undefined`'
    case 'jsx':
      return 'a JSX element'
    case 'primitive':
      return 'a string, number or boolean'
    case 'object':
      return 'a plain object'
    case 'array':
      return 'an array'
    case 'function':
      return 'a function'
    case 'response':
      return 'a Response'
    default:
      return 'a value'
  }
}
