import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import type { FunctionNode } from './expressions.js'
import type { ImageRouteFile } from './image-route-file.js'
import { knownKind, type KnownKind } from './known-kinds.js'
import { foreignProgramOf } from './local-modules.js'
import { returnedValues } from './returned-values.js'
import { literalValues, possibleValues, resolvedShape, type ValueContext } from './values.js'

/** What `ImageResponse` renders when its options give no width or height (CONTRACT.md §5). */
export const IMAGE_RESPONSE_DEFAULT_SIZE = { width: 1200, height: 630 } as const

/** Values that are no image at all (`null`, JSX, a string): the request fails, so no size or type is served. */
const NOT_AN_IMAGE: ReadonlySet<KnownKind> = new Set(['nullish', 'primitive', 'jsx', 'object', 'array', 'function'])
const NO_NAMES: ReadonlySet<string> = new Set()

/** The lowest HTTP status of a response that is an error, not an image. */
const FIRST_ERROR_STATUS = 400

/** A width and height in pixels. */
export interface PixelSize {
  width: number
  height: number
}

const cache = new WeakMap<TSESTree.Program, ReadonlySet<string>>()

/** The local names `ImageResponse` is imported under (`next/og`, `next/server`, `@vercel/og`, `imgmeta/og`, …). */
export function imageResponseNames(program: TSESTree.Program): ReadonlySet<string> {
  const cached = cache.get(program)
  if (cached) return cached
  const names = new Set<string>()
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value
      if (imported === 'ImageResponse') names.add(specifier.local.name)
    }
  }
  cache.set(program, names)
  return names
}

/** True for `new ImageResponse(…)` under the name the node's own module imports it as. */
export function isImageResponseConstruction(node: TSESTree.Node, vc: ValueContext): node is TSESTree.NewExpression {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return false
  const program = foreignProgramOf(node) ?? vc.sourceCode.ast
  return imageResponseNames(program).has(node.callee.name)
}

/**
 * True for a response that is an error answer, not an image: `new Response(…, { status: 500 })`,
 * `Response.json(…, { status: 404 })` (also `NextResponse`), `Response.error()`.
 */
export function isErrorResponse(node: TSESTree.Node, vc: ValueContext): boolean {
  let init: TSESTree.Node | undefined
  if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
    if (node.callee.name !== 'Response' && node.callee.name !== 'NextResponse') return false
    init = node.arguments[1]
  } else if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    (node.callee.object.name === 'Response' || node.callee.object.name === 'NextResponse') &&
    node.callee.property.type === AST_NODE_TYPES.Identifier
  ) {
    if (node.callee.property.name === 'error') return true
    if (node.callee.property.name !== 'json') return false
    init = node.arguments[1]
  } else {
    return false
  }
  const status = init ? resolvedShape(init, vc)?.properties.get('status') : undefined
  const values = status ? literalValues(status.value, vc) : null
  return values !== null && values.every((v) => typeof v === 'number' && v >= FIRST_ERROR_STATUS)
}

/**
 * The `new ImageResponse(...)` expressions an image function returns, followed through constants and helper
 * functions (in the file and in imported project modules); error answers (`new Response(…, { status: 500 })`
 * in a `catch`) are left out. Null when some return cannot be known to be either, or none is an ImageResponse.
 */
export function returnedImageResponses(fn: FunctionNode, vc: ValueContext): TSESTree.NewExpression[] | null {
  const values = returnedValues(fn)
  const out: TSESTree.NewExpression[] = []
  for (const value of values) {
    // A bare `return` answers no image: image-function-returns-response reports it; sizes are not its business.
    if (value === null) continue
    const alternatives = possibleValues(value, vc)
    if (alternatives === null) return null
    for (const alternative of alternatives) {
      if (isImageResponseConstruction(alternative, vc)) out.push(alternative)
      else if (!isErrorResponse(alternative, vc) && !NOT_AN_IMAGE.has(knownKind(alternative, NO_NAMES))) return null
    }
  }
  return out.length > 0 ? out : null
}

/**
 * The `new ImageResponse(...)` expressions the route's image function returns (see `returnedImageResponses`);
 * null when the image function is not written in the file or returns anything else.
 */
export function imageFunctionResponses(
  file: ImageRouteFile,
  _sourceCode?: Readonly<TSESLint.SourceCode>,
): TSESTree.NewExpression[] | null {
  if (!file.imageFunction) return null
  return returnedImageResponses(file.imageFunction, file.values)
}

/**
 * The sizes an `ImageResponse` may render, read from its options: `width`/`height` followed to literals (each
 * alternative of a ternary), the 1200×630 defaults for what is absent; null when the options cannot be read.
 */
export function imageResponseSizes(construction: TSESTree.NewExpression, vc: ValueContext): PixelSize[] | null {
  const argument = construction.arguments[1]
  if (argument === undefined) return [{ ...IMAGE_RESPONSE_DEFAULT_SIZE }]
  if (argument.type === AST_NODE_TYPES.SpreadElement) return null
  const options = resolvedShape(argument, vc)
  if (!options || options.open) return null
  return sizePairs(options.properties.get('width'), options.properties.get('height'), vc, IMAGE_RESPONSE_DEFAULT_SIZE)
}

/** The sizes a declared `size: { width, height }` may be, or null when they cannot be read. */
export function declaredSizes(node: TSESTree.Node, vc: ValueContext): PixelSize[] | null {
  const shape = resolvedShape(node, vc)
  const width = shape?.properties.get('width')
  const height = shape?.properties.get('height')
  if (!width || !height) return null
  return sizePairs(width, height, vc, null)
}

/**
 * Width and height alternatives paired up: one side's alternatives with the other's single value, or, when
 * both are the same name (`{ width: side, height: side }`), each with itself. Anything else is unknown.
 */
function sizePairs(
  width: TSESTree.Property | undefined,
  height: TSESTree.Property | undefined,
  vc: ValueContext,
  fallback: PixelSize | null,
): PixelSize[] | null {
  const widths = width ? numbers(width.value, vc) : fallback ? [fallback.width] : null
  const heights = height ? numbers(height.value, vc) : fallback ? [fallback.height] : null
  if (!widths || !heights) return null
  if (widths.length === 1) return heights.map((h) => ({ width: widths[0]!, height: h }))
  if (heights.length === 1) return widths.map((w) => ({ width: w, height: heights[0]! }))
  if (width && height && sameName(width.value, height.value)) return widths.map((w) => ({ width: w, height: w }))
  return null
}

function numbers(node: TSESTree.Node, vc: ValueContext): number[] | null {
  const values = literalValues(node, vc)
  if (values === null || values.some((v) => typeof v !== 'number')) return null
  return [...new Set(values as number[])]
}

function sameName(a: TSESTree.Node, b: TSESTree.Node): boolean {
  return a.type === AST_NODE_TYPES.Identifier && b.type === AST_NODE_TYPES.Identifier && a.name === b.name
}
