import { createRule } from '../utils/create-rule.js'
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

/** File-level exports that Next reads only when the route has no generateImageMetadata. */
const FILE_LEVEL_METADATA = ['size', 'contentType', 'alt'] as const

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
    schema: [],
    messages: {
      notAnImageRoute:
        '`generateImageMetadata` does nothing in "{{file}}": Next calls it only in icon, apple-icon, opengraph-image ' +
        'and twitter-image files. Move it with the image function into such a file (e.g. `opengraph-image.tsx` beside this one){{hint}}.',
      ignoredExport:
        'Next ignores the `{{name}}` export of a route that exports `generateImageMetadata`: only the `{{name}}` of each ' +
        'returned item is used. Move it into the items or remove it.',
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
            if (exported) context.report({ node: exported.node, messageId: 'ignoredExport', data: { name } })
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
