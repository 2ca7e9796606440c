import type { NextMajor } from './next-version.js'
import { parseImageRoute, type SegmentKind } from './route.js'

/** The bundler that built the app: webpack and Turbopack walk parallel slots in different orders. */
export type Bundler = 'turbopack' | 'webpack'

/**
 * One step of Next's metadata resolution for a page, applied in order: the module whose `metadata` export
 * counts (a layout, or the page) and the folder whose image files come with it. Next checks "metadata sets
 * its own images" against the module of the same step, so the pairing matters.
 */
export interface MetadataItem {
  /** Absolute path of the layout or page; absent when the step has none. */
  module?: string
  /** App-relative folder (`''` for the app root, `/shop/@promo`) whose image files apply; absent for none. */
  folder?: string
}

/** What metadataItems needs to know about the app and the page. */
export interface MetadataItemsInput {
  /** The app folder, `/`-separated, no trailing slash. */
  root: string
  /** Every file below `root` (absolute, `/`-separated), as listAppFiles returns them. */
  files: readonly string[]
  /** App-relative folder of the page (`''` for `app/page.tsx`, `/(shop)/[item]`). */
  pageFolder: string
  extensions: readonly string[]
  nextVersion: NextMajor
  bundler: Bundler
}

/**
 * The metadata steps Next resolves for a page, in its order, across every layout segment including the
 * parallel slots (`@slot` folders) that render something for this URL. A slot that falls back to its
 * `default.tsx` contributes nothing.
 *
 * Turbopack (16's default) walks each folder, then its children branch, then its slots by name, pairing each
 * layout with its own folder's image files. webpack (14, 15, 16 with `--webpack`) builds the tree from the
 * page files that share the URL (sorted: 14/15 by code unit, 16 slot paths first), visits slots in that order,
 * and pairs each layout with its parent folder's image files, so a parent's images come again after a branch
 * visited before a sibling slot. Both were checked against real 14.2, 15.5 and 16.4 builds.
 */
export function metadataItems(input: MetadataItemsInput): MetadataItem[] {
  const app = new AppFolders(input.root, input.files, input.extensions)
  const target = app.routeOf(input.pageFolder)
  return input.bundler === 'turbopack' ? turbopackItems(app, target) : webpackItems(app, target, input.nextVersion)
}

/** The files of the app by folder: which layout/page/default each holds and its subfolders. */
class AppFolders {
  private readonly byFolder = new Map<string, { names: Set<string>; subfolders: Set<string> }>()

  constructor(
    readonly root: string,
    files: readonly string[],
    private readonly extensions: readonly string[],
  ) {
    for (const file of files) {
      if (!file.startsWith(root + '/')) continue
      const parts = file.slice(root.length + 1).split('/')
      const name = parts.pop() as string
      let folder = ''
      this.entry(folder)
      for (const part of parts) {
        this.entry(folder).subfolders.add(part)
        folder = `${folder}/${part}`
      }
      this.entry(folder).names.add(name)
    }
  }

  private entry(folder: string): { names: Set<string>; subfolders: Set<string> } {
    let entry = this.byFolder.get(folder)
    if (!entry) this.byFolder.set(folder, (entry = { names: new Set(), subfolders: new Set() }))
    return entry
  }

  /** `page`, `layout` or `default` of the folder as an absolute path, when it has one. */
  file(folder: string, name: 'page' | 'layout' | 'default'): string | undefined {
    const names = this.byFolder.get(folder)?.names
    const ext = this.extensions.find((e) => names?.has(`${name}.${e}`))
    return ext === undefined ? undefined : `${this.root}${folder}/${name}.${ext}`
  }

  /** Subfolder names in code-unit order (Turbopack's BTreeMap); private `_` folders are not there. */
  subfolders(folder: string): string[] {
    return [...(this.byFolder.get(folder)?.subfolders ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  /** Every folder holding a page. */
  pageFolders(): string[] {
    return [...this.byFolder.keys()].filter((folder) => this.file(folder, 'page') !== undefined)
  }

  /** The URL template of a folder: its segments without groups and slots (`/(a)/@s/[id]` → `['[id]']`). */
  routeOf(folder: string): string[] {
    return folder.split('/').filter((name) => name !== '' && !isTransparent(kindOf(this.root, name)))
  }
}

/** The kind of one folder name, as the image route parser reads it; null for a private `_` folder. */
function kindOf(root: string, name: string): SegmentKind | null {
  return parseImageRoute(`${root}/${name}/icon.tsx`, { appDir: root, pageExtensions: ['tsx'] })?.segments[0]?.kind ?? null
}

function isTransparent(kind: SegmentKind | null): boolean {
  return kind === 'group' || kind === 'slot'
}

const startsWith = (route: readonly string[], prefix: readonly string[]) => prefix.every((part, i) => route[i] === part)
const sameRoute = (a: readonly string[], b: readonly string[]) => a.length === b.length && startsWith(a, b)

/** A subtree of Turbopack's loader tree: its steps, or a slot's synthetic default (no steps). */
type TurbopackNode = { items: MetadataItem[]; hasPage: boolean } | 'default'

/**
 * Turbopack's tree (`directory_tree_to_loader_tree` in next-core's app_structure.rs): a folder takes part when
 * its URL template is a prefix of the page's; its page node when the templates are equal. Emission order as
 * real 16.4 builds show it: the folder, its children branch, then its slots by folder name.
 */
function turbopackItems(app: AppFolders, target: readonly string[]): MetadataItem[] {
  const visit = (folder: string, isSlot: boolean): TurbopackNode | undefined => {
    const route = app.routeOf(folder)
    if (!startsWith(target, route)) return undefined
    const page = sameRoute(route, target) ? app.file(folder, 'page') : undefined
    let children: TurbopackNode | undefined = page ? { items: [{ module: page, folder }], hasPage: true } : undefined
    const slots: TurbopackNode[] = []
    for (const name of app.subfolders(folder)) {
      const kind = kindOf(app.root, name)
      if (kind === null) continue
      const sub = visit(`${folder}/${name}`, kind === 'slot')
      if (sub === undefined) continue
      if (kind === 'slot') slots.push(sub)
      else if (kind === 'group' && (sub === 'default' || !sub.hasPage)) continue
      else children ??= sub
    }
    if (children === undefined && slots.length === 0) return app.file(folder, 'default') || isSlot ? 'default' : undefined
    const items: MetadataItem[] = [{ module: app.file(folder, 'layout'), folder }]
    let hasPage = false
    for (const node of [children, ...slots]) {
      if (node === undefined || node === 'default') continue
      items.push(...node.items)
      hasPage ||= node.hasPage
    }
    return { items, hasPage }
  }
  const root = visit('', false)
  return root === undefined || root === 'default' ? [] : root.items
}

/** Markers of webpack's `resolveParallelSegments`: the page itself, or a slot whose page lies deeper. */
const PAGE = Symbol('page')
type ParallelSegment = typeof PAGE | string | [typeof PAGE] | ['slot-children', ...string[]]

/**
 * webpack's tree (`createSubtreePropsFromSegmentPath` in next-app-loader): built from the page files that
 * share the page's URL. Each node's step pairs the layout of its folder with the image files of the folder
 * one level up; the page's step pairs the page with its own folder.
 */
function webpackItems(app: AppFolders, target: readonly string[], version: NextMajor): MetadataItem[] {
  const appPaths = app
    .pageFolders()
    .filter((folder) => sameRoute(app.routeOf(folder), target))
    .map((folder) => `${folder}/page`)
  // 14 and 15 sort with Array.prototype.sort; 16 puts paths with a slot first (`compareAppPaths`).
  appPaths.sort(version === 16 ? compareAppPaths : (a, b) => (a < b ? -1 : a > b ? 1 : 0))

  const items: MetadataItem[] = []
  const level = (segments: string[]): void => {
    const folder = segments.join('/')
    const entries: Array<[string, ParallelSegment]> = segments.length === 0 ? [['children', '']] : resolveParallelSegments(appPaths, folder)
    for (const [key, value] of entries) {
      if (value === PAGE) {
        items.push({ module: app.file(folder, 'page'), folder })
        continue
      }
      const sub = [...segments, ...(key === 'children' ? [] : [key]), ...(typeof value === 'string' ? [value] : [])]
      items.push({ module: app.file(sub.join('/'), 'layout'), folder })
      level(sub)
    }
  }
  level([])
  return items
}

/** Port of next-app-loader's `resolveParallelSegments`: the branches below `pathname`, in insertion order. */
function resolveParallelSegments(appPaths: readonly string[], pathname: string): Array<[string, ParallelSegment]> {
  const matched = new Map<string, ParallelSegment>()
  let existingChildrenPath: string | undefined
  for (const appPath of appPaths) {
    if (!appPath.startsWith(pathname + '/')) continue
    const rest = appPath.slice(pathname.length + 1).split('/')
    const first = rest[0] as string
    if (rest.length === 1 && first === 'page') {
      existingChildrenPath = appPath
      matched.set('children', PAGE)
      continue
    }
    if (first.startsWith('@')) {
      matched.set(first, rest.length === 2 && rest[1] === 'page' ? [PAGE] : ['slot-children', ...rest.slice(1)])
      continue
    }
    // A page already fills `children`; a slot's page deeper down does not take it over.
    if (existingChildrenPath && matched.get('children') !== first && appPath.includes('@')) continue
    existingChildrenPath = appPath
    matched.set('children', first)
  }
  return [...matched]
}

/** next 16's `compareAppPaths`: paths through a slot first, then `localeCompare`. */
function compareAppPaths(a: string, b: string): number {
  const aSlot = a.includes('/@')
  const bSlot = b.includes('/@')
  if (aSlot !== bSlot) return aSlot ? -1 : 1
  return a.localeCompare(b)
}
