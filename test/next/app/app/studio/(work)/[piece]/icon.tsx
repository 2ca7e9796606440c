import { ImageResponse } from 'next/og'

// The piece's own icon, in a route group below /studio.
export function generateImageMetadata() {
  return [{ id: 'piece', size: { width: 36, height: 36 }, contentType: 'image/png', alt: 'piece' }]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#4338ca' }} />,
    { width: 36, height: 36, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
