// The real-world app (test/real-world/, see test/e2e/real-world.test.ts) on Next 14: the same app on next
// 14.2.35 with React 18.3, its next.config written as Next 14 reads it (next.config.mjs: 14 has no
// next.config.ts) and the TypeScript 5 of Next 14 apps, installed and checked as the README says. Its image
// routes call next-intl's `getTranslations` (`next-intl/server`), which needs the React Next 14 vendors for its
// server layer. Every image passes except the same planted mistake.
//
//   npm run test:matrix        (needs the npm registry the first time next 14 is installed)
import { fileURLToPath } from 'node:url'
import { NEXT_RELEASES } from '../next/lib/next-install.js'
import { describeRealWorld } from '../helpers/real-world.js'

const next14 = NEXT_RELEASES['14']
if (!next14) throw new Error('test/next/lib/next-install.ts lists no Next 14 release')
describeRealWorld({
  ...next14,
  devDependencies: { typescript: '5.9.3' },
  files: { from: [fileURLToPath(new URL('real-world-next14', import.meta.url))], remove: ['next.config.ts'] },
})
