// Files of one JSON value per line, which several processes append to (hard-deadline kills, network usage) and
// the process that started them reads once they are done.
import { readFileSync } from 'node:fs'

/** The values of the JSON-lines file `file`, in order (none when it does not exist; blank lines skipped). */
export function readJsonLines<T>(file: string): T[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}
