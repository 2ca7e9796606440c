import { ImageResponse } from 'next/og'

// Numeric ids: Next 16 hands the image function the URL segment ("1"), 14 and 15 the number as returned.
export function generateImageMetadata() {
  return [
    { id: 1, size: { width: 24, height: 24 }, contentType: 'image/png' },
    { id: 2, size: { width: 40, height: 40 } },
  ]
}

export default async function Icon({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  // A string id renders one pixel wider, so the PNG's width shows what the function was given.
  const side = (String(key) === '1' ? 24 : 40) + (typeof key === 'string' ? 1 : 0)
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#16a34a' }} />,
    { width: side, height: side, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
