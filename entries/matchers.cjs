'use strict'
// The CommonJS entry of imgmeta/matchers (for `require`, and for vite configs bundled as CommonJS, which
// refuse an ES module file): Node >= 20.19 loads the ES module build synchronously through require().
module.exports = require('../dist/matchers/index.js')
