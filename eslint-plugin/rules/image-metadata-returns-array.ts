import { createRule } from '../utils/create-rule.js'
import { reachableEndListeners } from '../utils/end-reachability.js'
import { imageResponseNames } from '../utils/image-response.js'
import { imageRouteFile, type ImageRouteFile } from '../utils/image-route-file.js'
import { describeKind, knownKind } from '../utils/known-kinds.js'
import { functionReturns } from '../utils/returned-values.js'
import { possibleValues } from '../utils/values.js'

/** Next calls `.map` (for the tags) and `.find` (for the image) on what generateImageMetadata returns. */
export default createRule({
  name: 'image-metadata-returns-array',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `generateImageMetadata` to return an array (or a Promise of one) on every path',
      recommended: true,
    },
    schema: [],
    messages: {
      notAnArray:
        '`generateImageMetadata` returns {{what}} here, but Next calls `.map` on the result to write the tags and `.find` to ' +
        'serve an image: the page and the image request fail. Return an array on every path (`[]` for no images).',
      fallsOff:
        '`generateImageMetadata` can reach its end without a `return`, and then returns `undefined`: Next calls `.map` on it ' +
        'and the page fails. Return an array on every path (`[]` for no images).',
    },
  },
  defaultOptions: [],
  create(context) {
    let file: ImageRouteFile | null = null
    return {
      ...reachableEndListeners((fn) => {
        if (!file?.route || fn !== file.generateImageMetadataFunction) return
        const last = context.sourceCode.getLastToken(fn.body)
        context.report({ loc: last?.loc ?? fn.loc, messageId: 'fallsOff' })
      }),
      Program() {
        file = imageRouteFile(context)
        const fn = file.generateImageMetadataFunction
        if (!file.route || !fn) return
        const names = imageResponseNames(context.sourceCode.ast)
        for (const { value, node } of functionReturns(fn)) {
          const kinds = value === null ? ['nullish' as const] : (possibleValues(value, file.values) ?? []).map((v) => knownKind(v, names))
          const wrong = kinds.find((kind) => kind !== 'array' && kind !== 'unknown')
          if (wrong) context.report({ node, messageId: 'notAnArray', data: { what: describeKind(wrong) } })
        }
      },
    }
  },
})
