/**
 * djb2 over UTF-16 code units, as Next's `shared/lib/hash.ts` computes it. Next uses it for the
 * `-suffix` of image routes below route groups and parallel slots.
 */
export function djb2(text: string): number {
  let hash = 5381
  for (let i = 0; i < text.length; i++) {
    hash = ((hash << 5) + hash + text.charCodeAt(i)) & 0xffffffff
  }
  return hash >>> 0
}
