import 'server-only'

const WORDS_PER_MINUTE = 200

/** Minutes it takes to read a text, at least one. */
export function readingMinutes(text) {
  const words = text.trim().split(/\s+/).filter(Boolean).length
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}
