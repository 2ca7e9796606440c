import { ImageResponse } from 'next/og'

// Inside a parallel slot: the slot is not in the URL, and the suffix hashes `/dashboard/@stats`.
export function generateImageMetadata() {
  return [
    { id: 'stats', size: { width: 32, height: 32 }, contentType: 'image/png' },
    { id: 'stats-large', size: { width: 64, height: 64 }, contentType: 'image/png' },
  ]
}

export default async function Icon({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  const side = String(key) === 'stats' ? 32 : 64
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#0d9488', borderRadius: '50%' }} />,
    { width: side, height: side, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
