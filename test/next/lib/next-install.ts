// Installs another Next major (and the React it needs) into a folder under the OS temp dir, once: later runs
// reuse it. The pinned Next of the repository needs no install.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** How long one `npm install` of a Next version may take. */
export const INSTALL_TIMEOUT_MS = 300_000

/** Exact versions installed for each opt-in major: the releases the docs record results for. */
export const NEXT_RELEASES: Record<string, { next: string; react: string; typesReact: string }> = {
  '15': { next: '15.5.29', react: '19.2.1', typesReact: '19.2.7' },
  '14': { next: '14.2.35', react: '18.3.1', typesReact: '18.3.27' },
}

/** Returns the node_modules folder holding the requested Next, installing it when needed. */
export async function installNext(major: string, log: (line: string) => void): Promise<{ nodeModules: string; version: string }> {
  const release = NEXT_RELEASES[major]
  if (!release) throw new Error(`--next ${major}: supported are 16 (installed) and ${Object.keys(NEXT_RELEASES).join(', ')}.`)
  const dir = path.join(os.tmpdir(), 'imgmeta-next-deps', `next-${release.next}`)
  const marker = path.join(dir, '.installed')
  const nodeModules = path.join(dir, 'node_modules')
  if (!existsSync(marker)) {
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'imgmeta-next-deps', private: true }) + '\n')
    const packages = [
      `next@${release.next}`,
      `react@${release.react}`,
      `react-dom@${release.react}`,
      // Next refuses to build a TypeScript app without these, even with type checking off.
      'typescript@5.9.3',
      `@types/react@${release.typesReact}`,
      '@types/node@20.19.43',
    ]
    log(`installing ${packages.join(' ')} into ${dir}`)
    await run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...packages], { cwd: dir, timeout: INSTALL_TIMEOUT_MS })
    await writeFile(marker, new Date().toISOString() + '\n')
  }
  const pkg = JSON.parse(await readFile(path.join(nodeModules, 'next', 'package.json'), 'utf8')) as { version: string }
  return { nodeModules, version: pkg.version }
}
