import path from 'node:path'
import type { TSESLint, TSESTree } from '@typescript-eslint/utils'
import type { ImageRoute } from '../../src/route.js'
import { isFunctionNode, type FunctionNode } from './expressions.js'
import { locateFile, type FileLocation } from './file-route.js'
import { moduleExports, type ModuleExport, type ModuleExports } from './module-exports.js'
import type { ValueContext } from './values.js'

/** The name of the export that makes an image route generate several images. */
export const GENERATE_IMAGE_METADATA = 'generateImageMetadata'

/** What every rule needs to know about the linted file, computed once per file. */
export interface ImageRouteFile {
  location: FileLocation
  exports: ModuleExports
  /** The route when the file is a code image route (`icon.tsx`, not `icon.png`), else null. */
  route: ImageRoute | null
  /** The `generateImageMetadata` export, resolved or not. */
  generateImageMetadata: ModuleExport | undefined
  /** Its function when it is written in this file. */
  generateImageMetadataFunction: FunctionNode | null
  /** The default export's function when it is written in this file. */
  imageFunction: FunctionNode | null
  /** What the value resolver needs to follow values of this file and its imports. */
  values: ValueContext
}

const cache = new WeakMap<TSESTree.Program, ImageRouteFile>()

/** Reads the linted file once for all rules: its place in the app and its exports. */
export function imageRouteFile(context: {
  filename: string
  cwd: string
  sourceCode: Readonly<TSESLint.SourceCode>
}): ImageRouteFile {
  const program = context.sourceCode.ast
  const cached = cache.get(program)
  if (cached) return cached
  const location = locateFile(context.filename, context.cwd)
  const exports = moduleExports(program)
  const generateImageMetadata = exports.byName.get(GENERATE_IMAGE_METADATA)
  const defaultExport = exports.byName.get('default')
  const result: ImageRouteFile = {
    location,
    exports,
    route: location.route?.source === 'code' ? location.route : null,
    generateImageMetadata,
    generateImageMetadataFunction: isFunctionNode(generateImageMetadata?.value) ? generateImageMetadata.value : null,
    imageFunction: isFunctionNode(defaultExport?.value) ? defaultExport.value : null,
    values: { sourceCode: context.sourceCode, filename: context.filename, projectRoot: projectRootOf(location.appDir) },
  }
  cache.set(program, result)
  return result
}

/** The folder holding the app root (`<root>/app` or `<root>/src/app`): where `@/` imports start. */
function projectRootOf(appDir: string | null): string | null {
  if (appDir === null) return null
  const parent = path.dirname(appDir)
  return path.basename(parent) === 'src' ? path.dirname(parent) : parent
}
