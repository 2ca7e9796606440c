import { ImageResponse } from 'next/og'

// Next's own e2e example: /dynamic/big/icon-ahg52g/small and /dynamic/big/icon-ahg52g/medium.
const SIZES: Record<string, number> = { small: 48, medium: 72 }

export function generateImageMetadata() {
  return [
    { contentType: 'image/png', size: { width: 48, height: 48 }, id: 'small' },
    { contentType: 'image/png', size: { width: 72, height: 72 }, id: 'medium' },
  ]
}

export default async function Icon({ params, id }: { params: Promise<{ size: string }>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  const side = SIZES[String(key)] ?? 16
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#dc2626', color: 'white', fontSize: side / 2 }}>
        {resolved.size.slice(0, 1)}
      </div>
    ),
    { width: side, height: side, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
