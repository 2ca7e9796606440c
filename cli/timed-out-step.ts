import path from 'node:path'

/** What a hard deadline was armed for: the route file, its URL template or path, params, id, and the step. */
export interface TimedOutStep {
  test?: string
  file?: string
  route?: string
  params?: unknown
  id?: string | number
  step?: string
}

/**
 * The finding for a step that blocked its thread until its process was killed: names the route file, the
 * route, params and id, the step, and what to do. The same words in `imgmeta check` and `imgmeta preview`.
 */
export function timedOutMessage(what: TimedOutStep, root: string, timeoutMs: number, killedAfterMs: number): string {
  const params = what.params && typeof what.params === 'object' && Object.keys(what.params).length > 0 ? `, params ${JSON.stringify(what.params)}` : ''
  const id = what.id !== undefined ? `, id ${JSON.stringify(what.id)}` : ''
  const step = what.step ? ` while ${what.step}` : ''
  return (
    `${relativeRouteFile(what, root)} (route ${what.route ?? '?'}${params}${id}) timed out${step}: it blocked its thread past the deadline ` +
    `(${timeoutMs} ms a step; stopped after ${killedAfterMs} ms), as a synchronous loop does. Make it finish, or raise timeoutMs / --timeout.`
  )
}

/** The step's route file relative to the project root, with `/`. */
export function relativeRouteFile(what: TimedOutStep, root: string): string {
  return what.file ? path.relative(root, path.resolve(what.file)).split(path.sep).join('/') : '(unknown route file)'
}
