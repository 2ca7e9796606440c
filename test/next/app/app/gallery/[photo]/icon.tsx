import { ImageResponse } from 'next/og'

// The photo page's own icon. The slot @promo above has one too: Turbopack resolves the slot after the page's branch (its icon wins), webpack before (this one wins).
export function generateImageMetadata() {
  return [{ id: 'photo', size: { width: 24, height: 24 }, contentType: 'image/png', alt: 'photo' }]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#0f766e' }} />,
    { width: 24, height: 24, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
