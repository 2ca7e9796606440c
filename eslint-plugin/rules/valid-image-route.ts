import { createRule } from '../utils/create-rule.js'
import { editableItems, exportedConstStatement, FILE_LEVEL_METADATA, itemsCarry } from '../utils/file-metadata.js'
import { imageRouteFile } from '../utils/image-route-file.js'

/** File names under the app root that Next gives a meaning but never calls generateImageMetadata in. */
export const ROUTE_FILE_NAMES: ReadonlySet<string> = new Set([
  'page',
  'layout',
  'template',
  'default',
  'route',
  'loading',
  'error',
  'global-error',
  'not-found',
  'forbidden',
  'unauthorized',
  'sitemap',
  'robots',
  'manifest',
])


/** generateImageMetadata only works in image route files, and there it replaces the file-level metadata. */
export default createRule({
  name: 'valid-image-route',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow `generateImageMetadata` outside image route files, and file-level `size`/`contentType`/`alt` exports beside it',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      notAnImageRoute:
        '`generateImageMetadata` does nothing in "{{file}}": Next calls it only in icon, apple-icon, opengraph-image ' +
        'and twitter-image files. Move it with the image function into such a file (e.g. `opengraph-image.tsx` beside this one){{hint}}.',
      ignoredExport:
        'Next ignores the `{{name}}` export of a route that exports `generateImageMetadata`: only the `{{name}}` of each ' +
        'returned item is used{{consequence}}. Move it into the items or remove it.',
      moveIntoItems: 'Move `{{name}}` into each item (and stop exporting it).',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        const generate = file.generateImageMetadata
        if (!generate) return
        if (file.route) {
          for (const name of FILE_LEVEL_METADATA) {
            const exported = file.exports.byName.get(name)
            if (!exported) continue
            const carry = itemsCarry(file, name, exported)
            // An export every item repeats changes nothing: no-redundant-file-metadata reports it, as a warning.
            if (carry === 'same') continue
            const statement = exportedConstStatement(exported)
            const items = carry === 'none' && statement ? editableItems(file) : null
            context.report({
              node: exported.node,
              messageId: 'ignoredExport',
              data: { name, consequence: carry === 'none' ? ', and no item has one: no tag gets this value' : '' },
              suggest: items && statement
                ? [
                    {
                      messageId: 'moveIntoItems',
                      data: { name },
                      fix: (fixer) => [
                        ...items.map((item) =>
                          item.properties[0]
                            ? fixer.insertTextBefore(item.properties[0], `${name}, `)
                            : fixer.replaceText(item, `{ ${name} }`),
                        ),
                        fixer.replaceTextRange([statement.range[0], statement.declaration!.range[0]], ''),
                      ],
                    },
                  ]
                : [],
            })
          }
          return
        }
        const relative = file.location.appRelative
        if (relative === null || file.location.route !== null) return
        const base = relative.slice(relative.lastIndexOf('/') + 1)
        const stem = base.replace(/\.[^.]+$/, '')
        if (!ROUTE_FILE_NAMES.has(stem)) return
        context.report({
          node: generate.node,
          messageId: 'notAnImageRoute',
          data: { file: base, hint: stem === 'page' || stem === 'layout' ? '; for page metadata use `generateMetadata`' : '' },
        })
      },
    }
  },
})
