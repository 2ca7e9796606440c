import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// What the installed `next` bundles for next/og, read from its files (next/dist/compiled/@vercel/og): the
// satori version (esbuild leaves the source path `satori@x.y.z` in the bundle), the default font file and the
// name, weight and style next/og gives it, and whether it rasterizes with sharp when it can.

/** What one installed Next release's next/og is made of. */
export interface InstalledNextOg {
  /** The `next` version. */
  next: string
  /** The folder of next/dist/compiled/@vercel/og. */
  dir: string
  /** The bundled @vercel/og version ('unknown' when next/dist/compiled/@vercel/og cannot be read). */
  vercelOg: string
  /** The bundled satori version, or undefined when the bundle does not say. */
  satori: string | undefined
  /** The default font: its file (in `dir`) and the family, weight and style next/og declares it with. */
  font: { file: string; name: string; weight: number; style: 'normal' | 'italic' } | undefined
  /** True when next/og uses sharp for rasterizing when sharp can be imported (16.4 and later). */
  triesSharp: boolean
  /**
   * True when the bundled satori refuses `<img>` sources on local and private addresses (satori 0.29, next 16.4);
   * undefined when the bundle does not say which satori it is.
   */
  blocksPrivateImageHosts: boolean | undefined
}

/** The words of the refusal in satori's bundled source; its presence marks a release that refuses. */
export const SSRF_REFUSAL = 'Image source resolves to a blocked address (SSRF protection)'

/** Reads next/og's make-up from a Next installation (the folder holding next's package.json). */
export function readNextOg(nextDir: string): InstalledNextOg {
  const next = (JSON.parse(readFileSync(path.join(nextDir, 'package.json'), 'utf8')) as { version: string }).version
  const dir = path.join(nextDir, 'dist', 'compiled', '@vercel', 'og')
  let vercelOg = 'unknown'
  let bundle = ''
  try {
    vercelOg = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
    bundle = readFileSync(path.join(dir, 'index.node.js'), 'utf8')
  } catch {
    // A release that keeps next/og elsewhere: nothing below is found, and the caller says so.
  }
  const satori = /satori@(\d+\.\d+\.\d+)/.exec(bundle)?.[1]
  const fontFile = /var fontData = [^;]*?["'](?:\.\.?\/)+([\w.-]+\.(?:ttf|otf|woff))["']/.exec(bundle)?.[1]
  // The first declaration of fontData is the ImageResponse default (unstable_createNodejsStream comes after it).
  const declared = /name: "([^"]+)",\s*data: fontData,\s*weight: (\d+),\s*style: "(normal|italic)"/.exec(bundle)
  const font =
    fontFile && declared
      ? { file: fontFile, name: declared[1]!, weight: Number(declared[2]), style: declared[3] as 'normal' | 'italic' }
      : undefined
  const blocksPrivateImageHosts = satori === undefined ? undefined : bundle.includes(SSRF_REFUSAL)
  return { next, dir, vercelOg, satori, font, triesSharp: /import\(["']sharp["']\)/.test(bundle), blocksPrivateImageHosts }
}

let installed: InstalledNextOg | null | undefined

function resolveNextFrom(base: string): string | undefined {
  try {
    return path.dirname(createRequire(base).resolve('next/package.json'))
  } catch {
    return undefined
  }
}

/**
 * The next/og of the project's `next`, or null when there is none; read once per process. The project is the
 * working directory (vitest and the imgmeta command run there); imgmeta's own location is the fallback, for a
 * process started elsewhere.
 */
export function installedNextOg(): InstalledNextOg | null {
  if (installed === undefined) {
    const nextDir = resolveNextFrom(path.join(process.cwd(), 'package.json')) ?? resolveNextFrom(import.meta.url)
    installed = nextDir === undefined ? null : readNextOg(nextDir)
  }
  return installed
}
