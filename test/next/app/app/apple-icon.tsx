import { ImageResponse } from 'next/og'

export const size = { width: 180, height: 180 }
export const contentType = 'image/png'

export default async function AppleIcon({ params }: { params: Promise<unknown> }) {
  const resolved = await params
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #f97316, #db2777)', color: 'white', fontSize: 96 }}>
        A
      </div>
    ),
    { ...size, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ params: resolved ?? null })) } },
  )
}
