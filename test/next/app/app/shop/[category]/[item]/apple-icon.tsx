import { ImageResponse } from 'next/og'

export function generateImageMetadata({ params }: { params: { category: string; item: string } }) {
  return [
    { id: `${params.category}-180`, size: { width: 180, height: 180 }, contentType: 'image/png' },
    { id: `${params.category}-120`, size: { width: 120, height: 120 }, contentType: 'image/png' },
  ]
}

export default async function AppleIcon({ params, id }: { params: Promise<{ category: string; item: string }>; id: Promise<string | number> }) {
  const key = String(await id)
  const resolved = await params
  const side = key.endsWith('-120') ? 120 : 180
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#0ea5e9', borderRadius: side / 4 }} />,
    { width: side, height: side, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, params: resolved ?? null })) } },
  )
}
