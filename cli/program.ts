import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { ImgmetaError } from '../src/errors.js'
import { runCheckCommand } from './commands/check.js'
import { runMergeReportsCommand, type MergeFlags } from './commands/merge-reports.js'
import { runPreviewCommand } from './commands/preview.js'
import { DEFAULT_SNAPSHOT_DIR, type RawRunFlags } from './run-options.js'

import { EXIT_OK, EXIT_USAGE, type ProgramIO } from './program-io.js'

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type ProgramIO } from './program-io.js'

const defaultIO: ProgramIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
}

function addRunOptions(command: Command): Command {
  return command
    .argument('[appDir]', 'the app folder, or a project folder holding app/ or src/app/ (default: app or src/app)')
    .option('-c, --config <file>', 'config file (default: imgmeta.config.ts in the project)')
    .option('--root <dir>', 'project folder whose vite/vitest config and tsconfig apply (default: found from appDir)')
    .addOption(new Option('--next-version <major>', 'Next.js behaviour to check against').choices(['14', '15', '16']))
    .addOption(new Option('--renderer <name>', 'what next/og renders with').choices(['reference', 'next']))
    .option('--strict-css', 'reference renderer: refuse CSS properties satori ignores instead of warning (default: config strictCss)')
    .option('--snapshot-dir <dir>', `snapshot folder (default: ${DEFAULT_SNAPSHOT_DIR})`)
    .option('--threshold <n>', 'per-pixel colour distance 0..1 (default: 0.01)')
    .option('--no-render-stamp', 'rasterize and compare every image, ignoring render stamps (see docs/matchers.md)')
    .option('--shard <i/n>', 'run part i of n: the route files, sorted, cut into n consecutive parts')
    .option(
      '--reporter <name>',
      'terminal (default), junit[=file], json[=file], github, blob[=file] (for merge-reports); repeat for several',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--summary <file>', 'write a Markdown summary (for $GITHUB_STEP_SUMMARY)')
    .option('--report <dir>', 'write a static HTML report with expected/received/diff of each failure')
    .option('--timeout <ms>', 'per-image deadline for each user step: generateImageMetadata, the image function, its body (default: 10000)')
}

/** Builds the `imgmeta` program. `onExit` receives the exit code of the command that ran. */
export function createProgram(io: ProgramIO = defaultIO, onExit: (code: number) => void = () => {}): Command {
  const program = new Command('imgmeta')
    .description('Checks Next.js metadata image routes (icon, apple-icon, opengraph-image, twitter-image).')
    .version(packageVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()

  addRunOptions(
    program
      .command('check')
      .description(
        'Check every image route × params × id: metadata valid, renders, matches its snapshot. ' +
          'Exit 0 when all pass, 1 on a finding, 2 on bad usage or config. With CI set, missing snapshots fail.',
      )
      .option('--ci', 'treat the run as CI: missing snapshots fail and are not written (default: when CI is set)'),
  ).action(async (appDir: string | undefined, flags: RawRunFlags) => {
    onExit(await runCheckCommand(appDir, flags, { update: false }, io))
  })

  addRunOptions(
    program
      .command('update')
      .description('Write new and changed snapshots; list obsolete ones (--prune deletes them).')
      .option('--prune', 'delete obsolete snapshots (only after a complete, unsharded run)'),
  ).action(async (appDir: string | undefined, flags: RawRunFlags) => {
    onExit(await runCheckCommand(appDir, flags, { update: true }, io))
  })

  program
    .command('merge-reports')
    .description(
      'Report a sharded run as one: reads the blob files of `check --shard i/n --reporter blob` and writes the ' +
        'terminal report, junit, json, GitHub annotations, summary and HTML report of all shards; obsolete ' +
        'snapshots are listed only when every shard reported. Exit 0 when all pass, 1 on a finding or a missing shard.',
    )
    .argument('[dir]', 'folder holding the shards\' blob files (default: imgmeta-blob)')
    .option('--root <dir>', 'the project folder (the checkout the shards ran in; default: the current folder)')
    .option(
      '--reporter <name>',
      'terminal (default), junit[=file], json[=file], github; repeat for several',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--summary <file>', 'write a Markdown summary (for $GITHUB_STEP_SUMMARY)')
    .option('--report <dir>', 'write a static HTML report with expected/received/diff of each failure')
    .action(async (dir: string | undefined, flags: MergeFlags) => {
      onExit(await runMergeReportsCommand(dir, flags, io))
    })

  program
    .command('preview')
    .description('Serve a local gallery of every image, its metadata, head tags and snapshot diff (127.0.0.1 only).')
    .argument('[appDir]', 'the app folder, or a project folder holding app/ or src/app/')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '4410')
    .option('-c, --config <file>', 'config file (default: imgmeta.config.ts in the project)')
    .option('--root <dir>', 'project folder whose vite config and tsconfig apply')
    .addOption(new Option('--renderer <name>', 'what next/og renders with').choices(['reference', 'next']))
    .option('--snapshot-dir <dir>', `snapshot folder (default: ${DEFAULT_SNAPSHOT_DIR})`)
    .option('--timeout <ms>', 'per-image deadline for each user step, as for check; a step that blocks its thread is stopped (default: 10000)')
    .action(async (appDir: string | undefined, flags: RawRunFlags & { port: string }) => {
      onExit(await runPreviewCommand(appDir, flags, io))
    })

  return program
}

/** Runs the program on `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[], io: ProgramIO = defaultIO): Promise<number> {
  let code = EXIT_OK
  const program = createProgram(io, (c) => {
    code = c
  })
  try {
    if (argv.length <= 2) {
      program.outputHelp()
      return EXIT_USAGE
    }
    await program.parseAsync([...argv])
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with code 0.
      if (error.exitCode === 0) return EXIT_OK
      return EXIT_USAGE
    }
    if (error instanceof ImgmetaError) {
      io.stderr(`imgmeta: ${error.message}\n`)
      return EXIT_USAGE
    }
    io.stderr(`imgmeta: ${(error as Error).stack ?? String(error)}\n`)
    return EXIT_USAGE
  }
}

function packageVersion(): string {
  // cli/program.ts sits one folder below the package root, dist/cli/program.js two.
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'imgmeta' && pkg.version) return pkg.version
    } catch {
      // not this one
    }
  }
  return '0.0.0'
}
