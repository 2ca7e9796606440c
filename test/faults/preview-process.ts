// `imgmeta preview` as a user starts it: a process of its own, its URL read from what it prints.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { BIN, REPO } from './fault-project.js'

const TSX_LOADER = path.join(REPO, 'node_modules/tsx/dist/esm/index.mjs')

/** A running preview: its process, the URL and port it printed, and everything it wrote. */
export interface RunningPreview {
  child: ChildProcess
  url: string
  port: number
  output(): string
}

/** Starts `imgmeta preview --port 0 …args` in `dir` (with `env` added) and resolves once it prints its URL. */
export function startPreview(dir: string, args: string[] = [], env: Record<string, string> = {}): Promise<RunningPreview> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, BIN, 'preview', '--port', '0', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } })
  return whenListening(child)
}

/** Resolves once a started `imgmeta preview` prints the URL it listens on; rejects if it exits first. */
export function whenListening(child: ChildProcess): Promise<RunningPreview> {
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /imgmeta preview: (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(output)
      if (match) resolve({ child, url: match[1]!, port: Number(match[2]), output: () => output })
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)))
  })
}

/** The process ids of `pid`'s direct children whose command line contains `marker` (Linux /proc). */
export function childProcesses(pid: number, marker: string): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    } catch {
      return []
    }
  })
  return children.filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(marker)
    } catch {
      return false
    }
  })
}

/** The preview's gallery as `/gallery.json` serves it (the fields the tests read). */
export interface GalleryJson {
  generation: number
  building: boolean
  images: { file: string; id?: string | number; error?: string; real?: { width: number; height: number }; snapshot?: { status: string } }[]
  errors: { file: string; message: string }[]
}

/** Reads `/gallery.json` of a running preview. */
export async function galleryOf(url: string): Promise<GalleryJson> {
  return (await (await fetch(new URL('gallery.json', url))).json()) as GalleryJson
}
