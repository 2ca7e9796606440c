// Lists the fixture's pages as URLs: every routable page file, with its dynamic segments filled from the
// page's own generateStaticParams (the pages Next prerenders).
import { readdir } from 'node:fs/promises'
import path from 'node:path'

/** A page of the fixture app and the URL path a browser requests for it. */
export interface FixturePage {
  file: string
  pathname: string
}

/** The most pages one fixture may list, so a runaway generateStaticParams cannot stall the run. */
export const MAX_PAGES = 200

const PAGE_FILE = /^page\.(tsx|ts|jsx|js)$/

/** Every page below `appDir` with its URL paths; `load` imports a page module (for generateStaticParams). */
export async function listPages(appDir: string, load: (file: string) => Promise<Record<string, unknown>>): Promise<FixturePage[]> {
  const files = await findPageFiles(appDir, [])
  const out: FixturePage[] = []
  for (const parts of files) {
    const file = path.join(appDir, ...parts)
    const folders = parts.slice(0, -1)
    // A parallel slot's page renders inside its parent's page; it has no URL of its own.
    if (folders.some((f) => f.startsWith('@') || f.startsWith('_'))) continue
    const dynamic = folders.some((f) => f.startsWith('['))
    const paramSets = dynamic ? await staticParams(file, load) : [{}]
    for (const params of paramSets) out.push({ file, pathname: fillPath(folders, params) })
    if (out.length > MAX_PAGES) throw new Error(`${appDir} lists more than ${MAX_PAGES} pages`)
  }
  return out.sort((a, b) => a.pathname.localeCompare(b.pathname))
}

async function findPageFiles(dir: string, prefix: string[]): Promise<string[][]> {
  const out: string[][] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...(await findPageFiles(path.join(dir, entry.name), [...prefix, entry.name])))
    else if (PAGE_FILE.test(entry.name)) out.push([...prefix, entry.name])
  }
  return out
}

async function staticParams(file: string, load: (file: string) => Promise<Record<string, unknown>>): Promise<Array<Record<string, string | string[]>>> {
  const mod = await load(file)
  if (typeof mod.generateStaticParams !== 'function') throw new Error(`${file} is dynamic but has no generateStaticParams`)
  return (await (mod.generateStaticParams as () => unknown)()) as Array<Record<string, string | string[]>>
}

function fillPath(folders: string[], params: Record<string, string | string[]>): string {
  const out: string[] = []
  for (const folder of folders) {
    if (folder.startsWith('(') && folder.endsWith(')')) continue
    const m = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(folder)
    if (!m) {
      out.push(folder)
      continue
    }
    const value = params[m[1] as string]
    if (Array.isArray(value)) out.push(...value.map(encodeURIComponent))
    else if (value !== undefined) out.push(encodeURIComponent(value))
  }
  return '/' + out.join('/')
}
