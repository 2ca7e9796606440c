// eslint-doc-generator settings for imgmeta/eslint-plugin. The plugin is loaded from its TypeScript sources
// (eslint-plugin/, run under tsx by `npm run docs:rules`), so paths are relative to that folder.
/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  pathRuleDoc: '../docs/rules/{name}.md',
  pathRuleList: '../README.md',
  configEmoji: [['recommended-type-checked', '☑️']],
  // The .eslintrc twins of the two configs set the same rules; listing them again would say nothing new.
  ignoreConfig: ['recommended-legacy', 'recommended-type-checked-legacy'],
  ruleDocTitleFormat: 'prefix-name',
  urlRuleDoc: 'docs/rules/{name}.md',
}
