import { ImageResponse } from 'next/og'

// Nested route groups: the suffix hashes the whole parent path, groups included.
export function generateImageMetadata() {
  return [
    { id: 'pricing', size: { width: 1200, height: 600 }, contentType: 'image/png', alt: 'Pricing' },
    { id: 'plans', size: { width: 1200, height: 600 }, contentType: 'image/png', alt: 'Plans' },
  ]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#ecfccb', color: '#365314', fontSize: 96 }}>
        {String(key)}
      </div>
    ),
    { width: 1200, height: 600, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
