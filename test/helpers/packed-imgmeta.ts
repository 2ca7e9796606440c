// imgmeta and eslint-plugin-imgmeta as `npm publish` would ship them, installed into a fresh project the way npm
// would, offline: built into staging copies (the working tree's dist/ folders are left alone), packed with npm,
// unpacked as node_modules/imgmeta and node_modules/eslint-plugin-imgmeta, every other package linked from this
// repository's node_modules.
import { chmod, cp, mkdir, readdir, readFile, readlink, stat, symlink } from 'node:fs/promises'
import path from 'node:path'
import { childEnv, REPO, run, type ChildRun } from './vitest-project.js'

/** A packed imgmeta, with its ESLint plugin package. */
export interface PackedImgmeta {
  /** The .tgz file. */
  tarball: string
  /** Paths inside the package, as `npm pack` listed them. */
  files: string[]
  /** What tsc printed while building (type errors elsewhere in the tree still emit JavaScript). */
  build: ChildRun
  /** eslint-plugin-imgmeta's .tgz file. */
  pluginTarball: string
  /** Paths inside eslint-plugin-imgmeta's package. */
  pluginFiles: string[]
  /** What tsc printed while building the plugin package. */
  pluginBuild: ChildRun
}

/** Where the ESLint plugin package's manifest, tsconfig and README live in this repository. */
export const PLUGIN_PACKAGE = path.join(REPO, 'packages/eslint-plugin-imgmeta')

/** package.json's `exports` targets and `bin` files, relative to the package. */
export async function publishedEntryFiles(packageDir: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
    exports: ExportTarget
    bin?: Record<string, string>
  }
  return [...new Set([...exportTargets(pkg.exports), ...Object.values(pkg.bin ?? {})].map((file) => path.normalize(file)))]
}

type ExportTarget = string | { [condition: string]: ExportTarget }

/** Every file an `exports` map points at, through nested conditions. */
function exportTargets(target: ExportTarget): string[] {
  return typeof target === 'string' ? [target] : Object.values(target).flatMap(exportTargets)
}

/** Runs tsc with `tsconfig` into `<stage>/dist` and fails when a published entry file is missing. */
async function buildInto(stage: string, tsconfig: string): Promise<ChildRun> {
  const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc')
  const build = await run(process.execPath, [tsc, '-p', tsconfig, '--outDir', path.join(stage, 'dist')], { cwd: REPO })
  for (const file of await publishedEntryFiles(stage)) {
    await stat(path.join(stage, file)).catch(() => {
      throw new Error(`the build emitted no ${file}, which ${path.join(stage, 'package.json')} publishes:\n${build.stdout}${build.stderr}`)
    })
  }
  return build
}

/** Packs the staged package in `stage` into `work`. */
async function pack(stage: string, work: string): Promise<{ tarball: string; files: string[] }> {
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: stage, env: childEnv() })
  if (packed.exitCode !== 0) throw new Error(`npm pack failed in ${stage}:\n${packed.stderr}`)
  const [result] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[]
  return { tarball: path.join(work, result!.filename), files: result!.files.map((f) => f.path) }
}

/** Copies a package's manifest and every `files` entry but the built `dist` from `source` into `stage`. */
async function stagePackage(source: string, stage: string): Promise<void> {
  const pkg = JSON.parse(await readFile(path.join(source, 'package.json'), 'utf8')) as { files: string[] }
  await mkdir(stage, { recursive: true })
  for (const entry of ['package.json', ...pkg.files.filter((entry) => entry !== 'dist')]) {
    await cp(path.join(source, entry), path.join(stage, entry), { recursive: true })
  }
}

/**
 * Builds imgmeta with tsconfig.build.json into `<work>/stage` and eslint-plugin-imgmeta into
 * `<work>/plugin-stage`, and packs both into `work`. Fails when a build left out a file that its package.json's
 * `exports` or `bin` names.
 */
export async function packImgmeta(work: string): Promise<PackedImgmeta> {
  const stage = path.join(work, 'stage')
  await stagePackage(REPO, stage)
  const build = await buildInto(stage, path.join(REPO, 'tsconfig.build.json'))
  const { tarball, files } = await pack(stage, work)

  const pluginStage = path.join(work, 'plugin-stage')
  await stagePackage(PLUGIN_PACKAGE, pluginStage)
  const pluginBuild = await buildInto(pluginStage, path.join(PLUGIN_PACKAGE, 'tsconfig.json'))
  const plugin = await pack(pluginStage, work)
  return { tarball, files, build, pluginTarball: plugin.tarball, pluginFiles: plugin.files, pluginBuild }
}

/** The packages the tarballs provide, never linked from this repository's node_modules. */
const PACKED_NAMES = new Set(['imgmeta', 'eslint-plugin-imgmeta'])

/** Unpacks a tarball as `node_modules/<name>`. */
async function unpack(project: string, tarball: string, name: string): Promise<void> {
  const dir = path.join(project, 'node_modules', name)
  await mkdir(dir, { recursive: true })
  const untar = await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { cwd: project })
  if (untar.exitCode !== 0) throw new Error(`tar could not unpack ${tarball}:\n${untar.stderr}`)
}

/**
 * Installs a packed imgmeta and eslint-plugin-imgmeta into `project/node_modules` as npm would: the tarballs
 * unpacked as `imgmeta` and `eslint-plugin-imgmeta`, imgmeta's `bin` linked from `node_modules/.bin` and made
 * executable; every other package (and its `.bin` link) is linked from this repository's node_modules.
 */
export async function installPackedImgmeta(project: string, packed: Pick<PackedImgmeta, 'tarball' | 'pluginTarball'>): Promise<void> {
  const modules = path.join(project, 'node_modules')
  const imgmetaDir = path.join(modules, 'imgmeta')
  await unpack(project, packed.tarball, 'imgmeta')
  await unpack(project, packed.pluginTarball, 'eslint-plugin-imgmeta')
  for (const entry of await readdir(path.join(REPO, 'node_modules'))) {
    if (PACKED_NAMES.has(entry) || entry.startsWith('.')) continue
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
