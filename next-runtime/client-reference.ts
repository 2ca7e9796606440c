// Modules marked 'use client' as Next's server build sees them: not executed, each export replaced by a client
// reference (what React renders on the client later). So a layout that renders NextIntlClientProvider, or a page
// that imports a component with hooks, loads on the server without running `createContext` or `useState`.

/** Leading comments and whitespace, then the directive (a string statement) at the top of a module. */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1\s*(?:;|\n|$)/

/** True when the module's code begins with the 'use client' directive (comments and other directives aside). */
export function isClientModule(code: string): boolean {
  return USE_CLIENT.test(code)
}

interface AstNode {
  type: string
  [key: string]: unknown
}

/** The names a module exports, read from its ESTree program ('default' included; `export *` cannot be listed). */
export function exportedNames(program: { body: readonly unknown[] }): string[] {
  const names = new Set<string>()
  for (const node of program.body as AstNode[]) {
    if (node.type === 'ExportDefaultDeclaration') names.add('default')
    if (node.type !== 'ExportNamedDeclaration') continue
    const declaration = node.declaration as AstNode | null | undefined
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations as AstNode[]) {
        const id = declarator.id as AstNode
        if (id.type === 'Identifier') names.add(id.name as string)
      }
    } else if (declaration) {
      const id = declaration.id as AstNode | null | undefined
      if (id?.type === 'Identifier') names.add(id.name as string)
    }
    for (const specifier of (node.specifiers as AstNode[] | undefined) ?? []) {
      const exported = specifier.exported as AstNode
      names.add((exported.type === 'Identifier' ? exported.name : exported.value) as string)
    }
  }
  return [...names]
}

/**
 * The module Next's server build puts in place of a client module: every export a client reference, which
 * throws as Next's does when the server calls it as a function instead of rendering it.
 */
export function clientReferenceModule(file: string, names: readonly string[]): string {
  const lines = [
    `const CLIENT_REFERENCE = Symbol.for('react.client.reference')`,
    `function clientReference(name) {`,
    `  const reference = function () {`,
    '    throw new Error(`Attempted to call ${name}() from the server but ${name} is on the client. ' +
      "It's not possible to invoke a client function from the server, it can only be rendered as a Component or passed to props of a Client Component.`)",
    `  }`,
    `  return Object.defineProperties(reference, {`,
    `    $$typeof: { value: CLIENT_REFERENCE },`,
    `    $$id: { value: ${JSON.stringify(file)} + '#' + name },`,
    `    $$async: { value: false },`,
    `  })`,
    `}`,
  ]
  for (const name of names) {
    lines.push(name === 'default' ? `export default clientReference('default')` : `export const ${name} = clientReference(${JSON.stringify(name)})`)
  }
  return `${lines.join('\n')}\n`
}

/** True when a module's code is ES module syntax rather than CommonJS. */
export function isEsModuleCode(code: string): boolean {
  return /^\s*(import|export)\b/m.test(code)
}
