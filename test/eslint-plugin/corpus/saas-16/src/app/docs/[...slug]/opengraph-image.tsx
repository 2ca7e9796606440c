// Shape: an image per docs page, below the catch-all that serves the pages.
import { ImageResponse } from 'next/og'

export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default async function Image({ params }: { params: Promise<{ slug: string[] }> }) { // expect: no-catch-all-image-metadata
  const { slug } = await params
  return new ImageResponse(<div style={{ display: 'flex' }}>{slug.join(' / ')}</div>, size)
}
