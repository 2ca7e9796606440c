import { ImageResponse } from 'next/og'

const SIZES: Record<string, { width: number; height: number }> = {
  small: { width: 32, height: 32 },
  medium: { width: 48, height: 48 },
}

export function generateImageMetadata({ params }: { params?: unknown }) {
  return [
    { id: 'small', size: SIZES.small, contentType: 'image/png', alt: `params ${String(JSON.stringify(params))}` },
    { id: 'medium', size: SIZES.medium, contentType: 'image/png' },
  ]
}

export default async function Icon({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  const size = SIZES[String(key)] ?? { width: 16, height: 16 }
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#1d4ed8', color: 'white', fontSize: size.width / 2, borderRadius: 6 }}>
        i
      </div>
    ),
    { ...size, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
