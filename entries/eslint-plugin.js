// The ES module entry of imgmeta/eslint-plugin: the same plugin object as the CommonJS entry, so that a project
// that loads both ways still sees one plugin (ESLint compares plugins by identity).
import { createRequire } from 'node:module'

const plugin = createRequire(import.meta.url)('./eslint-plugin.cjs')

export const { meta, configs, rules } = plugin
export default plugin
