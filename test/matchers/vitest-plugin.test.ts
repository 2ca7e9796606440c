import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import type { ViteUserConfig } from 'vitest/config'
import imgmeta, { SETUP_FILE } from '../../matchers/vitest-plugin.js'
import { ImageResponse as ReferenceImageResponse } from '../../src/og/index.js'

type Hook = (...args: unknown[]) => unknown
const call = (plugin: Plugin, hook: 'config' | 'resolveId' | 'load', ...args: unknown[]) => (plugin[hook] as Hook).call({}, ...args)

// Inside the repository (git-ignored .tmp/) so vitest transforms the shim like a project file.
const tmpRoot = path.resolve(import.meta.dirname, '../../.tmp')
mkdirSync(tmpRoot, { recursive: true })
const scratch = mkdtempSync(path.join(tmpRoot, 'plugin-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('imgmeta vitest plugin', () => {
  it('adds the setup file once, keeping the user’s', () => {
    const config: ViteUserConfig = { test: { setupFiles: 'my-setup.ts' } }
    call(imgmeta(), 'config', config, { command: 'serve', mode: 'test' })
    call(imgmeta(), 'config', config, { command: 'serve', mode: 'test' })
    expect(config.test?.setupFiles).toEqual(['my-setup.ts', SETUP_FILE])
    const empty: ViteUserConfig = {}
    call(imgmeta({ renderer: 'reference' }), 'config', empty, { command: 'serve', mode: 'test' })
    expect(empty.test?.setupFiles).toEqual(['imgmeta/vitest-setup'])
  })

  it('leaves next/og and next/server alone by default', () => {
    const plugin = imgmeta()
    expect(call(plugin, 'resolveId', 'next/og', '/app/icon.tsx')).toBeNull()
    expect(call(plugin, 'resolveId', 'next/server', '/app/icon.tsx')).toBeNull()
  })

  it('with renderer: reference, resolves next/og to imgmeta/og', () => {
    const plugin = imgmeta({ renderer: 'reference' })
    const resolved = call(plugin, 'resolveId', 'next/og', '/app/icon.tsx') as string
    expect(resolved).toMatch(/src[\\/]og[\\/]index\.(js|ts)$/)
    expect(call(plugin, 'resolveId', 'next/og.js', '/app/icon.tsx')).toBe(resolved)
    expect(call(plugin, 'resolveId', 'react', '/app/icon.tsx')).toBeNull()
  })

  it('with renderer: reference, swaps only ImageResponse of next/server', async () => {
    const plugin = imgmeta({ renderer: 'reference' })
    call(plugin, 'config', { root: path.resolve(import.meta.dirname, '../..') }, { command: 'serve', mode: 'test' })
    const id = call(plugin, 'resolveId', 'next/server', '/app/icon.tsx') as string
    const code = call(plugin, 'load', id) as string
    const file = path.join(scratch, 'next-server-shim.ts')
    writeFileSync(file, code)
    const shim = (await import(file)) as { ImageResponse: unknown; NextResponse: unknown }
    expect(shim.ImageResponse).toBe(ReferenceImageResponse)
    expect(typeof shim.NextResponse).toBe('function')
  })

  it('refuses an unknown renderer', () => {
    expect(() => imgmeta({ renderer: 'sharp' as never })).toThrow(`imgmeta vitest plugin: renderer must be 'reference' or 'next', got "sharp"`)
  })
})
