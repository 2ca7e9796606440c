import type { TSESTree } from '@typescript-eslint/utils'
import type { NextMajor } from '../../src/next-version.js'
import { isUnderCatchAll, type ImageRoute, type RouteSegment } from '../../src/route.js'
import { createRule } from '../utils/create-rule.js'
import { imageRouteFile } from '../utils/image-route-file.js'
import { nextVersionOf } from '../utils/next-version.js'

/** The dynamic segment Next 16 appends to the route of an image route that exports generateImageMetadata. */
const METADATA_ID_SEGMENT = '[__metadata_id__]'

/** Where a file with neither a default export nor generateImageMetadata is reported. */
const TOP_OF_FILE: TSESTree.Position = { line: 1, column: 0 }

/** The first `[...x]` or `[[...x]]` folder: the one Next's route validation stops at. */
function firstCatchAll(route: ImageRoute): { segment: RouteSegment; index: number } | null {
  const index = route.segments.findIndex((s) => s.kind === 'catch-all' || s.kind === 'optional-catch-all')
  const segment = route.segments[index]
  return segment ? { segment, index } : null
}

/** What the given Next major was seen to do with an image route below a catch-all (docs/next-versions.md). */
function consequence(version: NextMajor, route: ImageRoute, segment: RouteSegment, hasIds: boolean): string {
  if (version === 15) return 'Next 15 builds it, then answers 500 to every request of the app, `/` included.'
  // 14 names neither the route nor the kind of catch-all.
  if (version === 14) return 'Next 14 fails `next build` with the error: Catch-all must be the last part of the URL.'
  const kind = segment.kind === 'optional-catch-all' ? 'Optional catch-all' : 'Catch-all'
  const nextRoute = hasIds ? `${route.pathTemplate}/${METADATA_ID_SEGMENT}` : route.pathTemplate
  return `Next ${version} fails \`next build\` with the error: ${kind} must be the last part of the URL in route "${nextRoute}".`
}

/** The same file in the folder right above the catch-all: `app/docs/[...path]/icon.tsx` → `app/docs/icon.tsx`. */
function fileAboveCatchAll(route: ImageRoute, catchAllIndex: number): string {
  const appRoot = /(^|\/)src\/app$/.test(route.appDir) ? 'src/app' : 'app'
  const folders = route.segments.slice(0, catchAllIndex).map((s) => s.raw)
  return [appRoot, ...folders, `${route.name}.${route.extension}`].join('/')
}

/**
 * Real builds cannot serve any image route below a catch-all, with or without generateImageMetadata: 14 and 16
 * fail the build, 15 builds and then answers 500 for the whole app.
 */
export default createRule({
  name: 'no-catch-all-image-metadata',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow image routes below a `[...catch-all]` or `[[...optional]]` folder, which no Next version serves',
      recommended: true,
    },
    schema: [],
    messages: {
      catchAll:
        'This image route is below the catch-all folder "{{segment}}", where no Next version serves it, with or without ' +
        '`generateImageMetadata`. {{consequence}} Move it to a folder above the catch-all ("{{above}}"), or serve the ' +
        'image from a route handler (`route.ts`) and give its URL in the page metadata (`openGraph.images`, ' +
        '`twitter.images` or `icons`).',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const file = imageRouteFile(context)
        if (!file.route || !isUnderCatchAll(file.route)) return
        const catchAll = firstCatchAll(file.route)
        if (!catchAll) return
        const hasIds = file.generateImageMetadata !== undefined
        const data = {
          segment: catchAll.segment.raw,
          consequence: consequence(nextVersionOf(context), file.route, catchAll.segment, hasIds),
          above: fileAboveCatchAll(file.route, catchAll.index),
        }
        // The export that makes the file a route is the most useful place to point at; a file without one is
        // reported at its top.
        const node = file.generateImageMetadata?.node ?? file.exports.byName.get('default')?.node
        if (node) context.report({ node, messageId: 'catchAll', data })
        else context.report({ loc: TOP_OF_FILE, messageId: 'catchAll', data })
      },
    }
  },
})
