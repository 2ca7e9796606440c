import { isUnderCatchAll } from '../../src/route.js'
import { createRule } from '../utils/create-rule.js'
import { imageRouteFile } from '../utils/image-route-file.js'

/** Real builds fail (14, 16) or answer 500 for the whole app (15) when a catch-all route generates image ids. */
export default createRule({
  name: 'no-catch-all-image-metadata',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `generateImageMetadata` in image routes under a `[...catch-all]` or `[[...optional]]` folder',
      recommended: true,
    },
    schema: [],
    messages: {
      catchAll:
        '`generateImageMetadata` cannot be used under the catch-all folder "{{segment}}": `next build` fails on 14 and 16 ' +
        '("Catch-all must be the last part of the URL") and every request of the app answers 500 on 15. ' +
        'Move the image route above the catch-all folder, or export a single image without `generateImageMetadata`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        if (!file.route || !file.generateImageMetadata || !isUnderCatchAll(file.route)) return
        const segment = file.route.segments.find((s) => s.kind === 'catch-all' || s.kind === 'optional-catch-all')
        context.report({
          node: file.generateImageMetadata.node,
          messageId: 'catchAll',
          data: { segment: segment?.raw ?? '' },
        })
      },
    }
  },
})
