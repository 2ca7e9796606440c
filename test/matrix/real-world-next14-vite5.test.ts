// The real-world app on Next 14 as a team with an existing vitest setup has it: vitest 3.2 on vite 5, its config
// an ES module (vitest.config.mts, as vite 5 asks of a CommonJS package), no tsconfig-paths plugin although the
// app imports with `@/` (vite 5 reads no tsconfig paths). Next 14.2.35, React 18.3, next.config.mjs, next-intl's
// server API in its image routes; installed and checked as the README says, vitest staying at the app's version.
// Every image passes except the planted mistake.
//
//   npm run test:matrix        (needs the npm registry the first time these versions are installed)
import { fileURLToPath } from 'node:url'
import { NEXT_RELEASES } from '../next/lib/next-install.js'
import { describeRealWorld } from '../helpers/real-world.js'

const next14 = NEXT_RELEASES['14']
if (!next14) throw new Error('test/next/lib/next-install.ts lists no Next 14 release')
const VITEST = '3.2.7'
describeRealWorld({
  ...next14,
  devDependencies: { typescript: '5.9.3', vitest: VITEST, vite: '5.4.21' },
  vitest: VITEST,
  files: {
    from: [fileURLToPath(new URL('real-world-next14', import.meta.url)), fileURLToPath(new URL('real-world-vite5', import.meta.url))],
    remove: ['next.config.ts', 'vitest.config.ts'],
  },
})
