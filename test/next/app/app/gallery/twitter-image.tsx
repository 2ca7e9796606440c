import { ImageResponse } from 'next/og'

// The gallery segment's twitter image; /gallery/[photo] has its own.
export function generateImageMetadata() {
  return [{ id: 'gallery-card', size: { width: 800, height: 418 }, contentType: 'image/png', alt: 'gallery-card' }]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#854d0e' }} />,
    { width: 800, height: 418, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
