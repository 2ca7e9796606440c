import { ImageResponse } from 'next/og'

// Under a catch-all WITHOUT generateImageMetadata: served at /docs/<path...>/opengraph-image.
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'
export const alt = 'Documentation'

export default async function Image({ params }: { params: Promise<{ path: string[] }> }) {
  const resolved = await params
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', padding: 64, background: '#111827', color: '#e5e7eb', fontSize: 64 }}>
        {`docs / ${resolved.path.join(' / ')}`}
      </div>
    ),
    { ...size, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ params: resolved ?? null })) } },
  )
}
