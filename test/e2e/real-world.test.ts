// The README's "Use it in your Next.js app" section, run as written on test/real-world/: an app shaped like real
// Next.js apps (next-intl under [locale], next/font/local and geist in the root layout, global CSS and a CSS
// module, a static image import, content files read by generateStaticParams, env validated with zod from .env
// files, a dependency that imports server-only, `@/` imports, a CommonJS package.json, a vitest.config with
// setupFiles), copied under a folder named `app`. imgmeta is packed and installed with npm beside the app's own
// dependencies, from the npm cache where it holds them; there is no imgmeta.config.ts, alias or stub.
import { describeRealWorld } from '../helpers/real-world.js'

describeRealWorld()
