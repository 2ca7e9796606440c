import { readFile } from 'node:fs/promises'
import { xxhash3 } from 'hash-wasm'

/**
 * The `?query` Next 16 (Turbopack) appends to image URLs: xxh3-64 of the source file's bytes, 16 hex
 * characters. One value per file, the same for every id and params.
 */
export async function queryHash(source: string | Uint8Array): Promise<string> {
  return (await xxhash3(source)).padStart(16, '0')
}

/** The query hash of a file on disk, or undefined when it cannot be read (a path that exists only in a test). */
export async function fileQueryHash(file: string): Promise<string | undefined> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch {
    return undefined
  }
  return queryHash(bytes)
}
