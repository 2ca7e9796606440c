// imgmeta as `npm publish` would ship it, installed into a fresh project the way npm would, offline: built into a
// staging copy (the working tree's dist/ is left alone), packed with npm, unpacked as node_modules/imgmeta, every
// other package linked from this repository's node_modules.
import { chmod, cp, mkdir, readdir, readFile, readlink, stat, symlink } from 'node:fs/promises'
import path from 'node:path'
import { childEnv, REPO, run, type ChildRun } from './vitest-project.js'

/** A packed imgmeta. */
export interface PackedImgmeta {
  /** The .tgz file. */
  tarball: string
  /** Paths inside the package, as `npm pack` listed them. */
  files: string[]
  /** What tsc printed while building (type errors elsewhere in the tree still emit JavaScript). */
  build: ChildRun
}

/** package.json's `exports` targets and `bin` files, relative to the package. */
export async function publishedEntryFiles(packageDir: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>
    bin: Record<string, string>
  }
  const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
  return [...new Set([...targets, ...Object.values(pkg.bin)].map((file) => path.normalize(file)))]
}

/**
 * Builds imgmeta with tsconfig.build.json into `<work>/stage` and packs it into `work`. Fails when the build left
 * out a file that package.json's `exports` or `bin` names.
 */
export async function packImgmeta(work: string): Promise<PackedImgmeta> {
  const stage = path.join(work, 'stage')
  await mkdir(stage, { recursive: true })
  for (const entry of ['package.json', 'README.md', 'docs']) {
    await cp(path.join(REPO, entry), path.join(stage, entry), { recursive: true })
  }
  const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc')
  const build = await run(process.execPath, [tsc, '-p', path.join(REPO, 'tsconfig.build.json'), '--outDir', path.join(stage, 'dist')], { cwd: REPO })
  for (const file of await publishedEntryFiles(stage)) {
    await stat(path.join(stage, file)).catch(() => {
      throw new Error(`the build emitted no ${file}, which package.json publishes:\n${build.stdout}${build.stderr}`)
    })
  }
  const pack = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: stage, env: childEnv() })
  if (pack.exitCode !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`)
  const packed = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[]
  return { tarball: path.join(work, packed[0]!.filename), files: packed[0]!.files.map((f) => f.path), build }
}

/**
 * Installs a packed imgmeta into `project/node_modules` as npm would: the tarball unpacked as `imgmeta`, its
 * `bin` linked from `node_modules/.bin` and made executable; every other package (and its `.bin` link) is
 * linked from this repository's node_modules.
 */
export async function installPackedImgmeta(project: string, tarball: string): Promise<void> {
  const modules = path.join(project, 'node_modules')
  const imgmetaDir = path.join(modules, 'imgmeta')
  await mkdir(imgmetaDir, { recursive: true })
  const untar = await run('tar', ['-xzf', tarball, '-C', imgmetaDir, '--strip-components=1'], { cwd: project })
  if (untar.exitCode !== 0) throw new Error(`tar could not unpack ${tarball}:\n${untar.stderr}`)
  for (const entry of await readdir(path.join(REPO, 'node_modules'))) {
    if (entry === 'imgmeta' || entry.startsWith('.')) continue
    await symlink(path.join(REPO, 'node_modules', entry), path.join(modules, entry), 'dir')
  }
  const bin = path.join(modules, '.bin')
  await mkdir(bin)
  for (const entry of await readdir(path.join(REPO, 'node_modules/.bin'))) {
    // Relative links (`../vitest/vitest.mjs`) resolve to the linked packages above.
    await symlink(await readlink(path.join(REPO, 'node_modules/.bin', entry)), path.join(bin, entry))
  }
  const pkg = JSON.parse(await readFile(path.join(imgmetaDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }
  for (const [name, file] of Object.entries(pkg.bin)) {
    await chmod(path.join(imgmetaDir, file), 0o755)
    await symlink(path.join('..', 'imgmeta', file), path.join(bin, name))
  }
}
