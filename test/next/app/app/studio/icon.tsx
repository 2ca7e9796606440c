import { ImageResponse } from 'next/og'

// The studio segment's icon: 14 and 15 show it on /studio/vase, 16 shows the piece's own.
export function generateImageMetadata() {
  return [{ id: 'studio', size: { width: 28, height: 28 }, contentType: 'image/png', alt: 'studio' }]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#b45309' }} />,
    { width: 28, height: 28, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
