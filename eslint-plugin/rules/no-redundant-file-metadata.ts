import { createRule } from '../utils/create-rule.js'
import { exportedConstStatement, FILE_LEVEL_METADATA, itemsCarry, unexportFix } from '../utils/file-metadata.js'
import { imageRouteFile } from '../utils/image-route-file.js'

/** An ignored file-level export whose value every item carries changes nothing: it only misleads readers. */
export default createRule({
  name: 'no-redundant-file-metadata',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow file-level `size`/`contentType`/`alt` exports beside `generateImageMetadata` whose value every item already carries',
      recommended: true,
      recommendedSeverity: 'warn',
    },
    fixable: 'code',
    schema: [],
    messages: {
      redundantExport:
        'Next ignores the `{{name}}` export of a route that exports `generateImageMetadata`; every item already carries the ' +
        'same `{{name}}`, so the export changes nothing. Remove it (or stop exporting it).',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        if (!file.route || !file.generateImageMetadata) return
        for (const name of FILE_LEVEL_METADATA) {
          const exported = file.exports.byName.get(name)
          if (!exported || itemsCarry(file, name, exported) !== 'same') continue
          const statement = exportedConstStatement(exported)
          context.report({
            node: exported.node,
            messageId: 'redundantExport',
            data: { name },
            fix: statement ? (fixer) => unexportFix(fixer, context.sourceCode, statement) : null,
          })
        }
      },
    }
  },
})
