import { ImageResponse } from 'next/og'

// Same folder as a layout that sets openGraph.images.
export function generateImageMetadata() {
  return [{ id: 'journal', size: { width: 1200, height: 630 }, contentType: 'image/png', alt: 'journal' }]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#be185d' }} />,
    { width: 1200, height: 630, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
