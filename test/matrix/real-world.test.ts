// The real-world app (test/real-world/, see test/e2e/real-world.test.ts) on Next 15: the same app, its package.json
// depending on next 15.5.29 and React 19.2 instead of 16.4.6 and 19.3, installed and checked as the README says.
// Every image passes except the same planted mistake.
//
//   npm run test:matrix        (needs the npm registry the first time next 15 is installed)
import { NEXT_RELEASES } from '../next/lib/next-install.js'
import { describeRealWorld } from '../helpers/real-world.js'

const next15 = NEXT_RELEASES['15']
if (!next15) throw new Error('test/next/lib/next-install.ts lists no Next 15 release')
describeRealWorld(next15)
