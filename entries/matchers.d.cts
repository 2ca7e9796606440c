// Types of the CommonJS entry: the same as the ES module build's.
export * from '../dist/matchers/index.js'
