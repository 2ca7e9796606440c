import { didYouMean } from './closest-name.js'
import { ImgmetaError } from './errors.js'

/** What one option (or argument) accepts: the words the error uses, and the test a given value must pass. */
export interface OptionRule {
  accepts: string
  test(value: unknown): boolean
}

/** The options one function accepts, by name. */
export type OptionRules = Readonly<Record<string, OptionRule>>

/**
 * Checks a public function's options before it does anything: an options value that is not an object, an
 * unknown name (with the closest known one), a missing required option, or a value of the wrong type or range
 * is an ImgmetaError `invalid-option` naming the function, the option, what was given and what is accepted.
 * A misspelled or mistyped option would otherwise be ignored and the call would quietly do something else.
 * An option set to `undefined` counts as left out, as TypeScript's optional properties allow.
 */
export function checkOptions(fn: string, options: unknown, rules: OptionRules, required: readonly string[] = []): void {
  if (options === undefined && required.length === 0) return
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ImgmetaError('invalid-option', `${fn}: options must be an object, got ${given(options)}.`)
  }
  const names = Object.keys(rules)
  const values = options as Record<string, unknown>
  for (const name of Object.keys(values)) {
    if (!Object.hasOwn(rules, name)) {
      throw new ImgmetaError('invalid-option', `${fn} options: unknown option "${name}"${didYouMean(name, names)}. Valid options: ${names.join(', ')}.`)
    }
  }
  for (const name of required) {
    if (values[name] === undefined) {
      throw new ImgmetaError('invalid-option', `${fn} options: ${name} is required: ${rules[name]!.accepts}.`)
    }
  }
  for (const [name, rule] of Object.entries(rules)) {
    const value = values[name]
    if (value !== undefined && !rule.test(value)) {
      throw new ImgmetaError('invalid-option', `${fn} options: ${name} must be ${rule.accepts}, got ${given(value)}.`)
    }
  }
}

/** Checks one positional argument the same way (`findImageRoutes: appDir must be …, got …`). */
export function checkArgument(fn: string, name: string, value: unknown, rule: OptionRule): void {
  if (!rule.test(value)) throw new ImgmetaError('invalid-option', `${fn}: ${name} must be ${rule.accepts}, got ${given(value)}.`)
}

/** The given value as the error shows it: JSON where it can be, a short description where JSON says nothing. */
function given(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  try {
    const json = JSON.stringify(value)
    if (json === undefined) return String(value)
    return json.length > 80 ? `${json.slice(0, 77)}...` : json
  } catch {
    return Object.prototype.toString.call(value)
  }
}
