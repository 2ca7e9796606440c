// The request-scoped modules of Next (`next/headers`, `next/cache`) as an image route meets them when Next
// answers a request for it: headers and cookies of a plain GET with none set, draft mode off, caches that run
// the function, revalidation that has nothing to revalidate. Next's own modules throw outside its request scope.

/** `next/headers`: each function returns a value that is also a Promise of itself (Next 14 sync, 15+ async). */
export function nextHeadersModule(): string {
  return `
function both(value) {
  const promise = Promise.resolve(value)
  return new Proxy(value, {
    get(target, key) {
      if (key === 'then' || key === 'catch' || key === 'finally') return promise[key].bind(promise)
      const field = Reflect.get(target, key, target)
      return typeof field === 'function' ? field.bind(target) : field
    },
  })
}
class RequestCookies {
  #cookies = new Map()
  get size() { return this.#cookies.size }
  get(name) { const key = typeof name === 'string' ? name : name?.name; return this.#cookies.get(key) }
  getAll(name) { const all = [...this.#cookies.values()]; return name === undefined ? all : all.filter((c) => c.name === (typeof name === 'string' ? name : name.name)) }
  has(name) { return this.#cookies.has(name) }
  set(name, value) { const cookie = typeof name === 'string' ? { name, value } : name; this.#cookies.set(cookie.name, cookie); return this }
  delete(name) { this.#cookies.delete(typeof name === 'string' ? name : name.name); return this }
  toString() { return [...this.#cookies.values()].map((c) => c.name + '=' + encodeURIComponent(c.value)).join('; ') }
  [Symbol.iterator]() { return [...this.#cookies.entries()][Symbol.iterator]() }
}
export function headers() { return both(new Headers()) }
export function cookies() { return both(new RequestCookies()) }
export function draftMode() { return both({ isEnabled: false, enable() {}, disable() {} }) }
`
}

/** `next/cache`: the cache wrappers call through, the revalidation and cache-tagging functions do nothing. */
export function nextCacheModule(): string {
  const noops = [
    'revalidateTag',
    'revalidatePath',
    'updateTag',
    'refresh',
    'unstable_noStore',
    'unstable_expireTag',
    'unstable_expirePath',
    'unstable_cacheLife',
    'unstable_cacheTag',
    'cacheLife',
    'cacheTag',
  ]
  return `
export function unstable_cache(fn) { return async (...args) => fn(...args) }
${noops.map((name) => `export function ${name}() {}`).join('\n')}
`
}
