// The repository's layering, read from the imports: which folder each source file belongs to, the relative
// imports between files, the ones that point up a layer, and the import circles.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** The layers from the bottom up; a file may import its own folder and the folders listed before it. */
export const LAYERS = ['src', 'og', 'next-runtime', 'matchers', 'cli'] as const
/** Folders outside the chain, with the only layers they may import besides themselves. */
export const SIDE_FOLDERS: Record<string, readonly string[]> = { 'eslint-plugin': ['src'] }

/** One relative import of one source file, both as paths relative to the root. */
export interface ImportEdge {
  from: string
  to: string
  specifier: string
}

const SOURCE_FILE = /\.(m|c)?tsx?$/

function sourceFiles(root: string, folder: string): string[] {
  let entries
  try {
    entries = readdirSync(path.join(root, folder), { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(root, relative)
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : []
  })
}

/** The folder (layer or side folder) a root-relative path belongs to. */
export function folderOf(file: string): string {
  return file.split('/')[0] ?? file
}

/** The source files of the layered folders, as root-relative paths. */
export function layeredSourceFiles(root: string): string[] {
  return [...LAYERS, ...Object.keys(SIDE_FOLDERS)].flatMap((folder) => sourceFiles(root, folder))
}

/** Every relative import (static, dynamic, `export … from`, type-only included) of the layered folders. */
export function importEdges(root: string): ImportEdge[] {
  const files = layeredSourceFiles(root)
  const known = new Set(files)
  const edges: ImportEdge[] = []
  for (const from of files) {
    const info = ts.preProcessFile(readFileSync(path.join(root, from), 'utf8'), true, true)
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith('.')) continue
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
      // Sources import their siblings as `.js`; the file on disk is `.ts` or `.tsx`.
      const stem = target.replace(/\.(m|c)?js$/, '')
      const to = [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, target].find((candidate) => known.has(candidate)) ?? target
      edges.push({ from, to, specifier })
    }
  }
  return edges
}

/** The folders a file of `folder` may import. */
export function allowedFolders(folder: string): readonly string[] {
  const side = SIDE_FOLDERS[folder]
  if (side) return [folder, ...side]
  const rank = (LAYERS as readonly string[]).indexOf(folder)
  return rank < 0 ? [] : LAYERS.slice(0, rank + 1)
}

/** Imports that point at a folder the importing file's layer may not use. */
export function upwardImports(edges: ImportEdge[]): ImportEdge[] {
  return edges.filter((edge) => !allowedFolders(folderOf(edge.from)).includes(folderOf(edge.to)))
}

/** Each import circle once, as the list of files around it (Tarjan's strongly connected components). */
export function importCircles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>()
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to])
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const circles: string[][] = []
  let counter = 0
  const visit = (node: string): void => {
    index.set(node, counter)
    low.set(node, counter)
    counter += 1
    stack.push(node)
    onStack.add(node)
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(node, Math.min(low.get(node)!, low.get(target)!))
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    const selfImport = (next.get(node) ?? []).includes(node)
    if (component.length > 1 || selfImport) circles.push(component.sort())
  }
  for (const node of next.keys()) if (!index.has(node)) visit(node)
  return circles
}
