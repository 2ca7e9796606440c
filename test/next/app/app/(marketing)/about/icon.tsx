import { ImageResponse } from 'next/og'

// Below a route group: the URL segment becomes icon-<suffix>. This segment's icons replace the root's.
export function generateImageMetadata() {
  return [{ id: 'a', size: { width: 32, height: 32 }, contentType: 'image/png' }]
}

export default async function Icon({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#9333ea' }} />,
    { width: 32, height: 32, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
