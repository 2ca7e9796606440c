import { ImageResponse } from 'next/og'

// The photo page's own twitter image, deeper than the gallery's.
export function generateImageMetadata() {
  return [{ id: 'photo-card', size: { width: 800, height: 418 }, contentType: 'image/png', alt: 'photo-card' }]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#0369a1' }} />,
    { width: 800, height: 418, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
