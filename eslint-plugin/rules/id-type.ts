import { annotatedPropType, typeServices } from '../utils/annotated-types.js'
import { createRule } from '../utils/create-rule.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { nextVersionOf } from '../utils/next-version.js'
import { promiseMigrationFix } from '../utils/promise-migration.js'

/** Next 16 hands the image function the id as it appears in the URL, a string, behind a Promise. */
export default createRule({
  name: 'id-type',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the image function\'s `id` to be typed `Promise<string>` on Next 16 (and not a Promise before)',
      recommended: true,
      usesTypeInformation: true,
      strictOptions: [{ strictTypes: true }],
    },
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          strictTypes: {
            type: 'boolean',
            description:
              'Also report types that are wrong but change nothing at run time: `Promise<number>` on 16 (a string arrives), a Promise type before 16 (`await` of a plain value is the value).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      expectedPromiseString:
        'On Next {{version}} the image function receives `id` as a Promise of the URL segment, a string even for numeric ids: ' +
        'type it `id: Promise<string>` and compare `await id` with strings.',
      unexpectedPromise:
        'On Next {{version}} the image function receives `id` as the item had it (a string or a number), not a Promise: ' +
        'type it `id: string` (or `string | number`).',
    },
  },
  defaultOptions: [{ strictTypes: false }],
  create(context, [{ strictTypes }]) {
    return {
      Program() {
        const file = imageRouteFile(context)
        if (!file.route || !file.generateImageMetadata || !file.imageFunction) return
        const written = annotatedPropType(file.imageFunction, 'id', typeServices(context.sourceCode))
        if (!written) return
        const version = nextVersionOf(context)
        if (version >= 16) {
          if (written.promise && (written.kind === 'string' || written.kind === 'unknown')) return
          if (!written.promise && written.kind === 'unknown') return
          // `await id` is a string whatever the Promise is said to hold; only strict comparisons notice.
          if (written.promise && !strictTypes) return
          // A string becomes a Promise of one, mechanically; a number type would leave comparisons with numbers.
          const fix =
            !written.promise && written.kind === 'string' ? promiseMigrationFix(file.imageFunction, 'id', written.node, context.sourceCode) : null
          context.report({ node: written.node, messageId: 'expectedPromiseString', data: { version }, fix })
        } else if (written.promise && strictTypes) {
          context.report({ node: written.node, messageId: 'unexpectedPromise', data: { version } })
        }
      },
    }
  },
})
