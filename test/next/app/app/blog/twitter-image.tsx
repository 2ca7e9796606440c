import { ImageResponse } from 'next/og'

// Items without size, without contentType, without alt: Next emits only what is given.
export const size = { width: 999, height: 999 }
export const alt = 'ignored when generateImageMetadata is exported'

export function generateImageMetadata() {
  return [
    { id: 'plain' },
    { id: 'typed', contentType: 'image/png', alt: 'Typed, no size' },
    { id: 'sized', size: { width: 800, height: 418 } },
  ]
}

export default async function Image({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  const width = String(key) === 'sized' ? 800 : 1200
  const height = String(key) === 'sized' ? 418 : 630
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fef3c7', color: '#78350f', fontSize: 64 }}>
        {`blog twitter ${String(key)}`}
      </div>
    ),
    { width, height, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
