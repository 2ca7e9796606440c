import type { Params } from './route.js'

/** A size as image routes declare it (`export const size`, or an item's `size`). */
export interface ImageSize {
  width: number
  height: number
}

/** One item of the array `generateImageMetadata` returns. Fields are `unknown`-tolerant at run time. */
export interface ImageMetadataItem {
  id?: string | number
  alt?: string
  size?: ImageSize
  contentType?: string
}

/** What `generateImageMetadata` receives: plain params, `undefined` for a route without dynamic segments. */
export interface GenerateImageMetadataProps {
  params: Params | undefined
}

/**
 * What the default export receives. Up to 15: plain `params` and the item's `id` as the item had it.
 * From 16: `params` and `id` are Promises, and `id` resolves to the URL segment (a string).
 */
export type ImageFunctionProps =
  | { params: Params | undefined; id?: string | number }
  | { params: Promise<Params | undefined>; id?: Promise<string> }

/**
 * A loaded image route module (`icon.tsx`, `opengraph-image.tsx`, …), as `import()` returns it. Loading is the
 * caller's job (vitest, vite's module runner, tsx); imgmeta only reads the exports.
 */
export interface ImageRouteModule {
  default?: unknown
  generateImageMetadata?: unknown
  size?: unknown
  contentType?: unknown
  alt?: unknown
  [name: string]: unknown
}

/** True when the module exports a `generateImageMetadata` function (the only case where ids exist). */
export function hasGenerateImageMetadata(mod: ImageRouteModule): boolean {
  return typeof mod.generateImageMetadata === 'function'
}
