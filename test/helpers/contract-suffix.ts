/**
 * The `-suffix` of an image route below a route group or slot, as CONTRACT §2 spells it out (base-36 djb2 of
 * the parent path, first 6 characters); written here independently of src/ so tests can catch src/ drifting.
 */
export function contractSuffix(parentPath: string): string {
  let h = 5381
  for (let i = 0; i < parentPath.length; i++) h = ((h << 5) + h + parentPath.charCodeAt(i)) & 0xffffffff
  return (h >>> 0).toString(36).slice(0, 6)
}
