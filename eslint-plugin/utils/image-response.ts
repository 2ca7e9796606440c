import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils'
import { unwrapExpression, literalValue, type FunctionNode } from './expressions.js'
import type { ImageRouteFile } from './image-route-file.js'
import { closedObjectLiteral } from './local-values.js'
import { returnedValues } from './returned-values.js'

/** What `ImageResponse` renders when its options give no width or height (CONTRACT.md §5). */
export const IMAGE_RESPONSE_DEFAULT_SIZE = { width: 1200, height: 630 } as const

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

/**
 * The `new ImageResponse(...)` expressions an image function returns, when every value it returns is one;
 * null when some return is something else (another Response, a variable, nothing) or there is no return.
 */
export function returnedImageResponses(
  fn: FunctionNode,
  names: ReadonlySet<string>,
): TSESTree.NewExpression[] | null {
  if (names.size === 0) return null
  const values = returnedValues(fn)
  if (values.length === 0) return null
  const out: TSESTree.NewExpression[] = []
  for (const value of values) {
    const expression = value === null ? null : unwrapExpression(value)
    if (
      expression?.type !== AST_NODE_TYPES.NewExpression ||
      expression.callee.type !== AST_NODE_TYPES.Identifier ||
      !names.has(expression.callee.name)
    ) {
      return null
    }
    out.push(expression)
  }
  return out
}

/**
 * The `new ImageResponse(...)` expressions the route's image function returns (see `returnedImageResponses`);
 * null when the image function is not written in the file or returns anything else.
 */
export function imageFunctionResponses(
  file: ImageRouteFile,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.NewExpression[] | null {
  if (!file.imageFunction) return null
  return returnedImageResponses(file.imageFunction, imageResponseNames(sourceCode.ast))
}

/**
 * The size an `ImageResponse` renders, read from its options: literal `width`/`height`, the 1200×630 defaults
 * for what is absent, or null when the options cannot be read (spreads, variables, expressions).
 */
export function imageResponseSize(
  construction: TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): PixelSize | null {
  const argument = construction.arguments[1]
  if (argument === undefined) return { ...IMAGE_RESPONSE_DEFAULT_SIZE }
  const options = closedObjectLiteral(argument, sourceCode)
  if (!options) return null
  const width = dimension(options.properties.get('width'), IMAGE_RESPONSE_DEFAULT_SIZE.width)
  const height = dimension(options.properties.get('height'), IMAGE_RESPONSE_DEFAULT_SIZE.height)
  return width === null || height === null ? null : { width, height }
}

function dimension(property: TSESTree.Property | undefined, fallback: number): number | null {
  if (property === undefined) return fallback
  const value = literalValue(property.value)
  return typeof value === 'number' ? value : null
}

/** A declared `size: { width, height }` written with number literals, or null when it is not. */
export function declaredSize(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): PixelSize | null {
  const shape = closedObjectLiteral(node, sourceCode)
  const width = shape?.properties.get('width')
  const height = shape?.properties.get('height')
  if (!width || !height) return null
  const w = literalValue(width.value)
  const h = literalValue(height.value)
  return typeof w === 'number' && typeof h === 'number' ? { width: w, height: h } : null
}
