// A next.config the command cannot load (a plugin it imports is not installed): the images are still checked,
// and the command says once, naming the file and the error, that the aliases it would give are left out, so a
// later "Couldn't find next-intl config file" is not a mystery.
import { describe, expect, test } from 'vitest'
import { timeoutOf } from '../helpers/timeouts.js'
import { faultProject, runCli, writeProjectFile } from '../faults/fault-project.js'

describe('imgmeta with a next.config that cannot be loaded', () => {
  test(
    'warns once with the file and the error, and checks the images all the same',
    async () => {
      const dir = faultProject()
      writeProjectFile(dir, 'next.config.mjs', `import analyzer from '@next/bundle-analyzer'\nexport default analyzer({ enabled: false })({})\n`)
      const update = await runCli(['update'], dir)
      expect(update.code, update.stdout + update.stderr).toBe(0)
      const output = update.stdout + update.stderr
      const warning = /imgmeta: next\.config\.mjs could not be loaded, so the module aliases it gives Next \(such as next-intl's next-intl\/config\) are left out: Cannot find (package|module) '@next\/bundle-analyzer'/g
      expect(output.match(warning)).toHaveLength(1)
      expect(update.stdout).toMatch(/Snapshots +\d+ added/)
    },
    timeoutOf(1),
  )
})
