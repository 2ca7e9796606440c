import { ImageResponse } from 'next/og'

const SIZES: Record<string, { width: number; height: number }> = {
  wide: { width: 1200, height: 630 },
  half: { width: 600, height: 315 },
}

export function generateImageMetadata({ params }: { params?: unknown }) {
  return [
    { id: 'wide', size: SIZES.wide, contentType: 'image/png', alt: `Home card (params ${String(JSON.stringify(params))})` },
    { id: 'half', size: SIZES.half, alt: 'Home card, half size' },
  ]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  const size = SIZES[String(key)] ?? { width: 1200, height: 630 }
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: 48, background: '#0f172a', color: '#f8fafc' }}>
        <div style={{ fontSize: size.width / 16 }}>imgmeta fixture</div>
        <div style={{ fontSize: size.width / 30, color: '#94a3b8', marginTop: 16 }}>{`home / ${String(key)}`}</div>
      </div>
    ),
    { ...size, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
