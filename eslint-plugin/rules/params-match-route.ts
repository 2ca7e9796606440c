import type { RouteParam } from '../../src/route.js'
import { annotatedPropType, typeServices, type ValueKind } from '../utils/annotated-types.js'
import { createRule } from '../utils/create-rule.js'
import type { FunctionNode } from '../utils/expressions.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { nextVersionOf } from '../utils/next-version.js'
import { promiseMigrationFix } from '../utils/promise-migration.js'
import { readParamNames } from '../utils/read-params.js'

/** The TypeScript type of a param as Next passes it. */
function paramTypeText(param: RouteParam): string {
  return param.kind === 'single' ? 'string' : 'string[]'
}

function expectedKind(param: RouteParam): ValueKind {
  return param.kind === 'single' ? 'string' : 'string[]'
}

/** `{ slug: string; rest?: string[] }`: what `params` holds for the route. */
function paramsShape(params: readonly RouteParam[]): string {
  if (params.length === 0) return '{}'
  const members = params.map((p) => `${p.name}${p.kind === 'optional-catch-all' ? '?' : ''}: ${paramTypeText(p)}`)
  return `{ ${members.join('; ')} }`
}

/** The params type a developer writes is never checked against the folders by Next or TypeScript. */
export default createRule({
  name: 'params-match-route',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require the `params` type of `generateImageMetadata` and of the image function to match the route folders and the Next version',
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
              'Also report a `params` typed as a Promise where Next passes a plain object (before 16, and for `generateImageMetadata`): `await` of a plain object is the object, so nothing changes at run time.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      expectedPromise:
        'On Next {{version}} the image function receives `params` as a Promise: type it `params: Promise<{{shape}}>` and `await params`.',
      unexpectedPromise:
        '{{where}} receives `params` as a plain object on Next {{version}}, not a Promise: type it `params: {{shape}}`.',
      missingParam:
        'The code reads `params.{{name}}`, which the route folder "{{segment}}" passes, but the `params` type leaves it out: add `{{name}}{{optional}}: {{type}}`.',
      unknownParam:
        '`params.{{name}}` is never passed: no folder of the route "{{route}}" is named "[{{name}}]". Remove it, or rename it to match a folder.',
      wrongParamType:
        '`params.{{name}}` is {{expected}} for the route folder "{{segment}}", but it is typed otherwise. Type it `{{name}}{{optional}}: {{type}}`.',
    },
  },
  defaultOptions: [{ strictTypes: false }],
  create(context, [{ strictTypes }]) {
    return {
      Program() {
        const file = imageRouteFile(context)
        const route = file.route
        if (!route) return
        const services = typeServices(context.sourceCode)
        const check = (fn: FunctionNode, where: string, promiseOnVersion: (version: number) => boolean): void => {
          const written = annotatedPropType(fn, 'params', services)
          if (!written) return
          const version = nextVersionOf(context)
          const shape = paramsShape(route.params)
          // An alias read without type information may itself be a Promise: only a written wrapping is known.
          const wrappingKnown = written.promise || written.members !== null || written.kind !== 'unknown'
          // A Promise type over a plain object only misleads: `await` returns the object.
          const harmless = written.promise && !promiseOnVersion(version)
          if (wrappingKnown && written.promise !== promiseOnVersion(version) && (!harmless || strictTypes)) {
            // Next 16's codemods leave image routes alone: the migration to a Promise is offered here.
            const fix = written.promise ? null : promiseMigrationFix(fn, 'params', written.node, context.sourceCode)
            context.report({
              node: written.node,
              messageId: written.promise ? 'unexpectedPromise' : 'expectedPromise',
              data: { version, shape, where },
              fix,
            })
          }
          const members = written.members
          if (!members) return
          for (const param of route.params) {
            const segment = route.segments.find((s) => s.name === param.name)?.raw ?? param.name
            const optional = param.kind === 'optional-catch-all' ? '?' : ''
            const data = { name: param.name, segment, optional, type: paramTypeText(param) }
            const member = members.get(param.name)
            if (!member) {
              // A type that lists fewer params than the route is fine (Next passes a wider object); one the
              // code reads and the type leaves out is not.
              if (readParamNames(fn, context.sourceCode).has(param.name)) {
                context.report({ node: written.node, messageId: 'missingParam', data })
              }
            } else if (
              (member.kind !== 'unknown' && member.kind !== expectedKind(param)) ||
              (param.kind === 'optional-catch-all' && !member.optional)
            ) {
              const expected =
                param.kind === 'single' ? 'a string' : param.kind === 'catch-all' ? 'an array of strings' : 'an array of strings or absent'
              context.report({ node: member.node, messageId: 'wrongParamType', data: { ...data, expected } })
            }
          }
          for (const [name, member] of members) {
            if (route.params.some((p) => p.name === name)) continue
            context.report({ node: member.node, messageId: 'unknownParam', data: { name, route: route.pathTemplate } })
          }
        }
        // generateImageMetadata gets plain params in every version; the image function gets a Promise from 16.
        if (file.generateImageMetadataFunction) check(file.generateImageMetadataFunction, '`generateImageMetadata`', () => false)
        if (file.imageFunction) check(file.imageFunction, 'The image function', (version) => version >= 16)
      },
    }
  },
})
