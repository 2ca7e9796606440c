// Types of imgmeta/eslint-plugin: those of eslint-plugin-imgmeta, which it re-exports.
export * from 'eslint-plugin-imgmeta'
export { default } from 'eslint-plugin-imgmeta'
