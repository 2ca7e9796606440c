import { ImageResponse } from 'next/og'

export function generateImageMetadata({ params }: { params: { category: string; item: string } }) {
  return [{ id: 'main', size: { width: 1200, height: 630 }, contentType: 'image/png', alt: `${params.category}: ${params.item}` }]
}

export default async function Image({ params, id }: { params: Promise<{ category: string; item: string }>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'white', color: 'black', fontSize: 72, border: '24px solid #0ea5e9' }}>
        {`${resolved.category} / ${decodeURIComponent(resolved.item)}`}
      </div>
    ),
    { width: 1200, height: 630, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
