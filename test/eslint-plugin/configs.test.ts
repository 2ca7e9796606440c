// Severity follows consequence: recommended errors on findings that break something and warns on the rest;
// strict makes every rule an error and turns on the options that report type-only mistakes.
import { describe, expect, test } from 'vitest'
import imgmeta, { rules } from '../../eslint-plugin/index.js'

describe('configs', () => {
  test('recommended: errors, except the rules whose findings change nothing at run time', () => {
    const configured = imgmeta.configs.recommended.rules ?? {}
    const warnings = Object.entries(configured).filter(([, severity]) => severity === 'warn').map(([name]) => name)
    expect(warnings).toEqual(['imgmeta/no-redundant-file-metadata'])
    expect(Object.keys(configured).sort()).toEqual(Object.keys(rules).map((name) => `imgmeta/${name}`).sort())
  })

  test('strict: every rule an error, strictTypes on where a rule has it', () => {
    const configured = imgmeta.configs.strict.rules ?? {}
    for (const name of Object.keys(rules)) {
      const entry = configured[`imgmeta/${name}`]
      expect(Array.isArray(entry) ? entry[0] : entry, name).toBe('error')
    }
    expect(configured['imgmeta/id-type']).toEqual(['error', { strictTypes: true }])
    expect(configured['imgmeta/params-match-route']).toEqual(['error', { strictTypes: true }])
    expect(imgmeta.configs.strict.files).toEqual(imgmeta.configs.recommended.files)
  })
})
