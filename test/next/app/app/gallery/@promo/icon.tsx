import { ImageResponse } from 'next/og'

// An icon in a slot above the page: the URL drops @promo, the suffix hashes /gallery/@promo.
export function generateImageMetadata() {
  return [{ id: 'promo', size: { width: 32, height: 32 }, contentType: 'image/png', alt: 'promo' }]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#9333ea' }} />,
    { width: 32, height: 32, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
