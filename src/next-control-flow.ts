// `notFound()` and `redirect()` of next/navigation throw errors that Next catches and answers: a 404, or a
// redirect to the URL with the status the call chose. Their `digest` says which (Next 14: `NEXT_NOT_FOUND`;
// 15 and 16: `NEXT_HTTP_ERROR_FALLBACK;404`; all: `NEXT_REDIRECT;<type>;<url>;<status>;`).

/** What a thrown value asks Next to answer, when it is one of Next's control-flow errors. */
export type NextControlFlow = { kind: 'not-found' } | { kind: 'redirect'; location: string; status: number }

/** The default status of redirect() in a route handler (307 Temporary Redirect). */
const DEFAULT_REDIRECT_STATUS = 307

/** Reads Next's control-flow error from a thrown value; undefined for any other error. */
export function nextControlFlow(error: unknown): NextControlFlow | undefined {
  // imgmeta wraps what user code throws (withDeadline): the original is the cause.
  const thrown = error as { digest?: unknown; cause?: unknown } | null | undefined
  const digest = thrown?.digest
  if (typeof digest !== 'string') return thrown?.cause !== undefined && thrown.cause !== error ? nextControlFlow(thrown.cause) : undefined
  if (digest === 'NEXT_NOT_FOUND' || digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return { kind: 'not-found' }
  if (digest.startsWith('NEXT_REDIRECT;')) {
    const parts = digest.split(';')
    // NEXT_REDIRECT;<type>;<url>;<status>; — the URL itself may hold semicolons.
    const status = Number(parts.at(-2))
    const location = parts.slice(2, -2).join(';')
    return { kind: 'redirect', location, status: Number.isInteger(status) && status >= 300 ? status : DEFAULT_REDIRECT_STATUS }
  }
  return undefined
}

/** Responses a handler made from a control-flow error, with what the route asked for. */
const answers = new WeakMap<Response, NextControlFlow>()

/** The response Next gives for a control-flow error: 404 Not Found, or the redirect with its Location. */
export function controlFlowResponse(flow: NextControlFlow): Response {
  const response =
    flow.kind === 'not-found'
      ? new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
      : new Response(null, { status: flow.status, headers: { location: flow.location } })
  answers.set(response, flow)
  return response
}

/** The control flow a response answers, when the route itself called notFound() or redirect(). */
export function routeAnswer(response: Response): NextControlFlow | undefined {
  return answers.get(response)
}
