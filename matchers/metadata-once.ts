import { hasGenerateImageMetadata, type ImageRouteModule } from '../src/image-route-module.js'
import type { Params } from '../src/route.js'

/**
 * The module with generateImageMetadata run once per params: the listing of ids, each image's check and the
 * route handler it requests see the same items, and user code that fetches data runs once per route and params
 * instead of once more per image. Wrapping a wrapped module is harmless (the inner memo answers).
 */
export function withMetadataOnce(mod: ImageRouteModule): ImageRouteModule {
  if (!hasGenerateImageMetadata(mod)) return mod
  const generate = mod.generateImageMetadata as (props: { params?: Params }) => unknown
  const returned = new Map<string, unknown>()
  const generateOnce = (props: { params?: Params }): unknown => {
    const key = paramsKey(props?.params)
    if (!returned.has(key)) returned.set(key, generate(props))
    return returned.get(key)
  }
  return { ...mod, generateImageMetadata: generateOnce }
}

/** A key equal for equal params whatever the order of their names. */
function paramsKey(params: Params | undefined): string {
  if (params === undefined) return 'undefined'
  return JSON.stringify(Object.keys(params).sort().map((name) => [name, params[name]]))
}
