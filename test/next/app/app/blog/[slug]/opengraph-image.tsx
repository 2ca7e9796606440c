import { ImageResponse } from 'next/og'

// Ids depend on params: generateImageMetadata receives them as a plain object in every version.
export function generateImageMetadata({ params }: { params: { slug: string } }) {
  return [
    { id: `${params.slug}-card`, size: { width: 1200, height: 630 }, contentType: 'image/png', alt: `Post ${params.slug}` },
    { id: 'square', size: { width: 630, height: 630 }, alt: `Post ${params.slug}, square` },
  ]
}

export default async function Image({ params, id }: { params: Promise<{ slug: string }>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  const square = String(key) === 'square'
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', padding: 40, background: '#312e81', color: 'white' }}>
        <div style={{ fontSize: 56 }}>{`Post: ${resolved.slug}`}</div>
        <div style={{ fontSize: 28, opacity: 0.7 }}>{String(key)}</div>
      </div>
    ),
    { width: square ? 630 : 1200, height: 630, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
