import { describe, expect, test } from 'vitest'
import { locateFile } from '../../../eslint-plugin/utils/file-route.js'
import { contractSuffix } from '../../helpers/contract-suffix.js'

describe('locateFile', () => {
  test('an absolute file under <cwd>/app is read against that app root', () => {
    const at = locateFile('/work/shop/app/[slug]/icon.tsx', '/work/shop')
    expect(at.appDir).toBe('/work/shop/app')
    expect(at.appRelative).toBe('[slug]/icon.tsx')
    expect(at.route?.params).toEqual([{ name: 'slug', kind: 'single' }])
  })

  test('src/app is an app root too', () => {
    const at = locateFile('/p/src/app/(g)/opengraph-image.tsx', '/p')
    expect(at.appDir).toBe('/p/src/app')
    // The suffix comes from the folder path below src/app, not from the absolute path.
    expect(at.route?.pathTemplate).toBe(`/opengraph-image-${contractSuffix('/(g)')}`)
  })

  test("a project folder named app (Docker's /app) is not the app root", () => {
    expect(locateFile('/app/components/icon.tsx', '/app')).toMatchObject({ appDir: null, route: null })
    const inside = locateFile('/app/app/shop/icon.tsx', '/app')
    expect(inside.appDir).toBe('/app/app')
    expect(inside.route?.pathTemplate).toBe('/shop/icon')
  })

  test('a package of a monorepo falls back to the first app folder below the working folder', () => {
    const at = locateFile('/repo/apps/web/app/icon.tsx', '/repo')
    expect(at.appDir).toBe('/repo/apps/web/app')
    expect(at.route?.convention).toBe('icon')
  })

  test('relative names (RuleTester) and Windows separators', () => {
    expect(locateFile('app/shop/[slug]/icon.tsx', '/x').route?.pathTemplate).toBe('/shop/[slug]/icon')
    expect(locateFile('lib/icon.tsx', '/x').route).toBeNull()
  })
})
