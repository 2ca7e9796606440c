import { createRule } from '../utils/create-rule.js'
import { reachableEndListeners } from '../utils/end-reachability.js'
import { imageResponseNames } from '../utils/image-response.js'
import { imageRouteFile, type ImageRouteFile } from '../utils/image-route-file.js'
import { describeKind, knownKind } from '../utils/known-kinds.js'
import { functionReturns } from '../utils/returned-values.js'
import { possibleValues } from '../utils/values.js'

/** Next answers the image request with what the default export returns: it must be a Response. */
export default createRule({
  name: 'image-function-returns-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the default export of an image route to return a `Response` (such as an `ImageResponse`) on every path',
      recommended: true,
    },
    schema: [],
    messages: {
      notAResponse:
        'The image function returns {{what}} here, but Next answers the image request with what it returns, which must be a ' +
        '`Response`: the request fails with a 500. Return `new ImageResponse(…)` (or a `Response`) on every path.',
      fallsOff:
        'The image function can reach its end without a `return`, and then returns `undefined`: that image request fails ' +
        'with a 500. Return `new ImageResponse(…)` (or a `Response`, such as a 404) on every path.',
    },
  },
  defaultOptions: [],
  create(context) {
    let file: ImageRouteFile | null = null
    return {
      ...reachableEndListeners((fn) => {
        if (!file?.route || fn !== file.imageFunction) return
        const last = context.sourceCode.getLastToken(fn.body)
        context.report({ loc: last?.loc ?? fn.loc, messageId: 'fallsOff' })
      }),
      Program() {
        file = imageRouteFile(context)
        const fn = file.imageFunction
        if (!file.route || !fn) return
        const names = imageResponseNames(context.sourceCode.ast)
        for (const { value, node } of functionReturns(fn)) {
          const kinds = value === null ? ['nullish' as const] : (possibleValues(value, file.values) ?? []).map((v) => knownKind(v, names))
          const wrong = kinds.find((kind) => kind !== 'response' && kind !== 'unknown')
          if (wrong) context.report({ node, messageId: 'notAResponse', data: { what: describeKind(wrong) } })
        }
      },
    }
  },
})
