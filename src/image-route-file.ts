import { ImgmetaError } from './errors.js'
import { parseImageRoute, type ImageRoute } from './route.js'
import type { ImageRouteModule } from './image-route-module.js'

/**
 * Parses `file` as an image route or throws an ImgmetaError that says why it is not one (outside `app/`,
 * below a `_private` folder, another file name) and what to pass instead.
 */
export function requireImageRoute(file: string, appDir?: string, pageExtensions?: readonly string[]): ImageRoute {
  const route = parseImageRoute(file, { ...(appDir !== undefined && { appDir }), ...(pageExtensions && { pageExtensions }) })
  if (route) return route
  throw new ImgmetaError(
    'not-an-image-route',
    `${file} is not a metadata image route: expected a file named icon, apple-icon, opengraph-image or twitter-image ` +
      `(optionally with one digit) inside an app/ folder${appDir !== undefined ? ` (appDir ${appDir})` : ''}, ` +
      `not below a _private folder. Pass the route file's path, and appDir when the app root is not called app.`,
  )
}

/**
 * Throws Next's own error for a module without a default export, wrapped in an ImgmetaError naming the file:
 * Next fails the build with `Default export is missing in "<path>"`.
 */
export function requireDefaultExport(mod: ImageRouteModule, route: ImageRoute): (props: unknown) => unknown {
  if (typeof mod?.default === 'function') return mod.default as (props: unknown) => unknown
  const nextMessage = `Default export is missing in ${JSON.stringify(route.file)}`
  throw new ImgmetaError(
    'missing-default-export',
    `${route.file} (route ${route.pathTemplate}): ${nextMessage}. Export the image function as default ` +
      `(export default function Image() { return new ImageResponse(...) }).`,
    { cause: new Error(nextMessage) },
  )
}
