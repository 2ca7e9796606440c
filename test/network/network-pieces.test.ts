import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { entryKey, makeEntry, readHar, writeHar } from '../../next-runtime/network/har.js'
import { layoutOrigins } from '../../next-runtime/network/layout-origin.js'
import { hostMatches } from '../../next-runtime/network/network-settings.js'
import { originOf, readPublicFile, siteOrigins } from '../../next-runtime/network/own-origin.js'
import { recordingKey, sha256 } from '../../next-runtime/network/recording-key.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imgmeta-network-pieces-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('own origin', () => {
  test('origins come from URLs and from the bare hosts Vercel gives', () => {
    expect(originOf('https://example.com/blog/')).toBe('https://example.com')
    expect(originOf('my-app-git-main.vercel.app')).toBe('https://my-app-git-main.vercel.app')
    expect(originOf('http://localhost:3001')).toBe('http://localhost:3001')
    expect(originOf('')).toBeUndefined()
    expect(originOf('https://')).toBeUndefined()
  })

  test('the site origins: configured ones, the environment, and localhost:3000 (or $PORT)', () => {
    const origins = siteOrigins(['https://cfg.example.com/base'], { NEXT_PUBLIC_SITE_URL: 'https://www.example.com', VERCEL_URL: 'x.vercel.app' })
    expect([...origins]).toEqual(['https://cfg.example.com', 'https://www.example.com', 'https://x.vercel.app', 'http://localhost:3000'])
    expect(siteOrigins([], { PORT: '4000' }).has('http://localhost:4000')).toBe(true)
  })

  test("the root layout's metadataBase literals are site origins, read from its source without running it", () => {
    const app = path.join(scratch, 'layout-app/app')
    mkdirSync(app, { recursive: true })
    writeFileSync(
      path.join(app, 'layout.tsx'),
      "import './globals.css'\nthrow new Error('must not run')\nexport const metadata = {\n  metadataBase: new URL(process.env.NEXT_PUBLIC_SITE_URL ?? 'https://www.example.com/en'),\n  title: 'x',\n}\n",
    )
    expect(layoutOrigins(app)).toEqual(['https://www.example.com'])
    expect(layoutOrigins(path.join(scratch, 'no-app'))).toEqual([])
  })

  test('a file of public/ on a site origin is read; other origins, missing files and paths out of public/ are not', async () => {
    const root = path.join(scratch, 'site')
    mkdirSync(path.join(root, 'public/images'), { recursive: true })
    writeFileSync(path.join(root, 'public/images/og card.png'), 'png bytes')
    writeFileSync(path.join(root, 'secret.txt'), 'secret')
    const origins = new Set(['https://example.com'])
    const file = await readPublicFile(new URL('https://example.com/images/og%20card.png'), root, origins)
    expect(file?.contentType).toBe('image/png')
    expect(file?.body.toString()).toBe('png bytes')
    expect(await readPublicFile(new URL('https://other.com/images/og%20card.png'), root, origins)).toBeUndefined()
    expect(await readPublicFile(new URL('https://example.com/images/none.png'), root, origins)).toBeUndefined()
    expect(await readPublicFile(new URL('https://example.com/images'), root, origins)).toBeUndefined()
    expect(await readPublicFile(new URL('https://example.com/..%2fsecret.txt'), root, origins)).toBeUndefined()
  })
})

describe('recordings', () => {
  test('hosts match exactly or, with *., with their subdomains', () => {
    expect(hostMatches('cms.example.com', ['cms.example.com'])).toBe(true)
    expect(hostMatches('CMS.example.com', ['cms.example.com'])).toBe(true)
    expect(hostMatches('api.cms.example.com', ['*.example.com'])).toBe(true)
    expect(hostMatches('example.com', ['*.example.com'])).toBe(true)
    expect(hostMatches('badexample.com', ['*.example.com'])).toBe(false)
    expect(hostMatches('example.com.evil.test', ['example.com'])).toBe(false)
  })

  test('the key is method, whole URL and request body hash', () => {
    const a = recordingKey('post', 'https://cms.test/graphql', sha256(Buffer.from('{"query":"a"}')))
    const b = recordingKey('POST', 'https://cms.test/graphql', sha256(Buffer.from('{"query":"b"}')))
    expect(a).not.toBe(b)
    expect(a.startsWith('POST https://cms.test/graphql ')).toBe(true)
    expect(recordingKey('GET', 'https://cms.test/x?a=1', undefined)).not.toBe(recordingKey('GET', 'https://cms.test/x?a=2', undefined))
  })

  test('a HAR is written sorted, with no request headers and the same bytes for the same entries', () => {
    const file = path.join(scratch, 'rec/routes.har')
    const entry = (url: string, bodySha256?: string) =>
      makeEntry(
        { method: 'GET', url, bodySha256, bodySize: 0 },
        { status: 200, statusText: 'OK', headers: [{ name: 'content-type', value: 'image/png' }], bodySize: 3, bodyFile: 'bodies/abc.png' },
      )
    const entries = [entry('https://b.test/y?q=1'), entry('https://a.test/x')]
    writeHar(file, entries, '1')
    const first = readFileSync(file)
    writeHar(file, [...entries].reverse(), '1')
    expect(readFileSync(file).equals(first)).toBe(true)
    const read = readHar(file)
    expect([...read.keys()]).toEqual(entries.map(entryKey).reverse())
    const stored = read.get(entryKey(entries[0]!))!
    expect(stored.request.headers).toEqual([])
    expect(stored.request.queryString).toEqual([{ name: 'q', value: '1' }])
    expect(stored.response.content).toEqual({ size: 3, mimeType: 'image/png', _file: 'bodies/abc.png' })
  })

  test('a broken recordings file is an error naming it and what to do', () => {
    const file = path.join(scratch, 'broken.har')
    writeFileSync(file, '{ "log": ')
    expect(() => readHar(file)).toThrow(/broken\.har: not a readable HAR file .*run `imgmeta update`/)
    expect(readHar(path.join(scratch, 'missing.har')).size).toBe(0)
  })
})
