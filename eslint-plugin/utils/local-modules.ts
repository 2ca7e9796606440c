import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parse } from '@typescript-eslint/parser'
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils'

/** A module of the project read from disk: its syntax tree (with parent links) and its directives. */
export interface LocalModule {
  file: string
  program: TSESTree.Program
  /** `"use client"`, `"use server"`: the string directives at the top of the file. */
  directives: ReadonlySet<string>
}

/** The extensions an import without one may mean, in the order bundlers try them. */
const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.mts'] as const

/** Import prefixes that mean "the project root" in the tsconfig of most Next apps (`@/lib/og`, `~/lib/og`). */
const ROOT_ALIASES = ['@/', '~/'] as const

const parsed = new Map<string, { mtimeMs: number; module: LocalModule | null }>()

/** Which program each foreign node belongs to: nodes of the linted file are not in it. */
const programOf = new WeakMap<TSESTree.Node, TSESTree.Program>()

/** The program a node of a module read by `loadLocalModule` belongs to, or undefined for the linted file's nodes. */
export function foreignProgramOf(node: TSESTree.Node): TSESTree.Program | undefined {
  return programOf.get(node)
}

const fileOf = new WeakMap<TSESTree.Program, string>()

/** The file a node of a module read by `loadLocalModule` comes from, or undefined for the linted file's nodes. */
export function foreignFileOf(node: TSESTree.Node): string | undefined {
  const program = programOf.get(node)
  return program ? fileOf.get(program) : undefined
}

/**
 * The file an import specifier names when it is part of the project: relative (`./card`) or through the
 * root aliases `@/` and `~/` (tried against the project folder and its `src/`). Null for packages and for
 * files that do not exist, whose values the rules then do not read.
 */
export function resolveLocalImport(source: string, fromFile: string, projectRoot: string | null): string | null {
  const bases: string[] = []
  if (source.startsWith('./') || source.startsWith('../')) bases.push(path.resolve(path.dirname(fromFile), source))
  else if (projectRoot !== null) {
    const alias = ROOT_ALIASES.find((prefix) => source.startsWith(prefix))
    if (alias) {
      const rest = source.slice(alias.length)
      bases.push(path.join(projectRoot, rest), path.join(projectRoot, 'src', rest))
    }
  }
  for (const base of bases) {
    const candidates = [
      ...(/\.[cm]?[jt]sx?$/.test(base) ? [base] : []),
      ...EXTENSIONS.map((ext) => base + ext),
      ...EXTENSIONS.map((ext) => path.join(base, 'index' + ext)),
    ]
    for (const candidate of candidates) if (isFile(candidate)) return candidate
  }
  return null
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile()
  } catch {
    return false
  }
}

/** Reads and parses a project module once per change; null when it cannot be read or parsed. */
export function loadLocalModule(file: string): LocalModule | null {
  let mtimeMs: number
  try {
    mtimeMs = statSync(file).mtimeMs
  } catch {
    return null
  }
  const cached = parsed.get(file)
  if (cached && cached.mtimeMs === mtimeMs) return cached.module
  let module: LocalModule | null = null
  try {
    const program = parse(readFileSync(file, 'utf8'), { jsx: true, loc: true, range: true }) as TSESTree.Program
    linkParents(program, program)
    fileOf.set(program, file)
    module = { file, program, directives: directivesOf(program) }
  } catch {
    // A file that does not parse is reported by its own lint run, not by the files importing it.
    module = null
  }
  parsed.set(file, { mtimeMs, module })
  return module
}

/** The string directives at the top of a program (`'use client'`). */
export function directivesOf(program: TSESTree.Program): ReadonlySet<string> {
  const directives = new Set<string>()
  for (const statement of program.body) {
    if (
      statement.type !== AST_NODE_TYPES.ExpressionStatement ||
      statement.expression.type !== AST_NODE_TYPES.Literal ||
      typeof statement.expression.value !== 'string'
    ) {
      break
    }
    directives.add(statement.expression.value)
  }
  return directives
}

/** typescript-estree's `parse` leaves `parent` unset; the value resolver walks up through it. */
function linkParents(node: TSESTree.Node, program: TSESTree.Program): void {
  programOf.set(node, program)
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue
    const child = (node as unknown as Record<string, unknown>)[key]
    const children = Array.isArray(child) ? child : [child]
    for (const c of children) {
      if (c !== null && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string') {
        ;(c as { parent?: TSESTree.Node }).parent = node
        linkParents(c as TSESTree.Node, program)
      }
    }
  }
}
