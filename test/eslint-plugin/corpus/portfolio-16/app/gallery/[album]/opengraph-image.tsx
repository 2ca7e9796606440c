// Shape: items built from a spread base, a square variant rendered by a ternary on the id. Clean.
import { ImageResponse } from 'next/og'

const BASE = { size: { width: 1200, height: 630 }, contentType: 'image/png', alt: 'Album cover' } as const

export function generateImageMetadata() {
  return [
    { ...BASE, id: 'cover' },
    { ...BASE, id: 'square', size: { width: 1080, height: 1080 } },
  ]
}

export default async function Image({ params, id }: { params: Promise<{ album: string }>; id: Promise<string> }) {
  const square = (await id) === 'square'
  const { album } = await params
  return new ImageResponse(<div style={{ display: 'flex' }}>{album}</div>, {
    width: square ? 1080 : 1200,
    height: square ? 1080 : 630,
  })
}
