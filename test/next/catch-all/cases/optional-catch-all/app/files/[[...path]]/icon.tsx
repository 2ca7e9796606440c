import { ImageResponse } from 'next/og'

// Under an optional catch-all WITHOUT generateImageMetadata: /files/icon and /files/<path...>/icon.
export const size = { width: 36, height: 36 }

export default async function Icon({ params }: { params: Promise<{ path?: string[] }> }) {
  const resolved = await params
  const depth = resolved.path?.length ?? 0
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: depth === 0 ? '#64748b' : '#f43f5e' }} />,
    { ...size, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ params: resolved ?? null })) } },
  )
}
