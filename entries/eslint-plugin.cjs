'use strict'
// imgmeta/eslint-plugin re-exports the package eslint-plugin-imgmeta, which holds the rules and their lint
// dependencies, so that imgmeta itself brings no linter into a project. ESLint 8's .eslintrc names that package.
const PACKAGE = 'eslint-plugin-imgmeta'

function load() {
  try {
    return require(PACKAGE)
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(`'${PACKAGE}'`)) {
      const { version } = require('../package.json')
      throw new Error(
        `imgmeta/eslint-plugin: the ESLint rules are in the package ${PACKAGE}, which is not installed. ` +
          `Install it beside imgmeta: npm install --save-dev ${PACKAGE}@${version}`,
        { cause: error },
      )
    }
    throw error
  }
}

const loaded = load()
module.exports = loaded && loaded.__esModule && 'default' in loaded ? loaded.default : loaded
