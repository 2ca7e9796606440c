import { expect, test } from 'vitest'
import { parseImageRoute, imageRoutePath, routeSuffix } from '../../src/route.js'

test('smoke', () => {
  expect([routeSuffix('/(group)/dynamic/[size]'), routeSuffix('/(group)'), routeSuffix('/(group)/static')]).toEqual(['ahg52g', '1ow20b', 'hwkw89'])
  const r = parseImageRoute('app/(group)/dynamic/[size]/icon.tsx')!
  expect(imageRoutePath(r, { size: 'big' })).toBe('/dynamic/big/icon-ahg52g')
  console.log(r, parseImageRoute('C:\\x\\src\\app\\shop\\[...slug]\\opengraph-image2.png'))
})
