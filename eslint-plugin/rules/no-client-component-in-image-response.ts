import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils'
import { createRule } from '../utils/create-rule.js'
import { isFunctionNode } from '../utils/expressions.js'
import { imageResponseNames } from '../utils/image-response.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { loadLocalModule, resolveLocalImport } from '../utils/local-modules.js'
import { returnedValues } from '../utils/returned-values.js'

/** How many levels of the file's own components are searched for client components. */
const MAX_COMPONENT_DEPTH = 4

/**
 * `ImageResponse` renders its element tree on the server with satori. A component from a `"use client"` module
 * is a client reference there, not a function satori can call.
 */
export default createRule({
  name: 'no-client-component-in-image-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow rendering a component from a `"use client"` module inside `ImageResponse`',
      recommended: true,
    },
    schema: [],
    messages: {
      clientComponent:
        '`<{{name}}>` comes from "{{source}}", a `"use client"` module: in the server code that builds the image it is a ' +
        'client reference, which `ImageResponse` cannot call. Next fails with "Attempted to call {{name}}() from the server ' +
        'but {{name}} is on the client" (at build time when it prerenders the image, else on each request). Move the ' +
        'markup into a module without `"use client"` (or into this file).',
    },
  },
  defaultOptions: [],
  create(context) {
    const file = (): ReturnType<typeof imageRouteFile> => imageRouteFile(context)
    const reported = new Set<TSESTree.Node>()
    return {
      NewExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return
        if (!imageResponseNames(context.sourceCode.ast).has(node.callee.name)) return
        const element = node.arguments[0]
        if (element) visit(element, 0)
      },
    }

    /** Walks the JSX in place, and the JSX the file's own components return. */
    function visit(root: TSESTree.Node, depth: number): void {
      if (depth > MAX_COMPONENT_DEPTH) return
      const stack: TSESTree.Node[] = [root]
      while (stack.length > 0) {
        const node = stack.pop()!
        if (node.type === AST_NODE_TYPES.JSXOpeningElement && node.name.type === AST_NODE_TYPES.JSXIdentifier) {
          checkComponent(node.name, depth)
        }
        for (const [key, child] of Object.entries(node)) {
          if (key === 'parent') continue
          for (const c of Array.isArray(child) ? child : [child]) {
            if (c !== null && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string') stack.push(c as TSESTree.Node)
          }
        }
      }
    }

    function checkComponent(name: TSESTree.JSXIdentifier, depth: number): void {
      if (!/^[A-Z]/.test(name.name)) return
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(name), name.name)
      const definition = variable?.defs[0]
      if (definition?.type === 'ImportBinding') {
        const declaration = definition.parent as TSESTree.ImportDeclaration
        const target = resolveLocalImport(declaration.source.value, context.filename, file().values.projectRoot)
        const module = target ? loadLocalModule(target) : null
        if (module?.directives.has('use client') && !reported.has(name)) {
          reported.add(name)
          context.report({ node: name, messageId: 'clientComponent', data: { name: name.name, source: declaration.source.value } })
        }
        return
      }
      // A component written in this file: what it renders is rendered inside the image too.
      const fn =
        definition?.type === 'FunctionName'
          ? definition.node
          : definition?.type === 'Variable' && definition.parent.kind === 'const'
            ? definition.node.init
            : null
      if (isFunctionNode(fn)) for (const value of returnedValues(fn)) if (value) visit(value, depth + 1)
    }
  },
})
