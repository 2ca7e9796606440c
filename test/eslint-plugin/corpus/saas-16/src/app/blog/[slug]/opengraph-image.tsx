// Shape: sizes declared per item while the image is rendered with a spread of the module's size constant.
import { ImageResponse } from 'next/og'

export const size = { width: 1200, height: 630 } // expect: valid-image-route
export const contentType = 'image/png' // expect: no-redundant-file-metadata

export async function generateImageMetadata({ params }: { params: { slug: string } }) {
  return [
    { id: 'small', alt: `Post ${params.slug}`, size: { width: 300, height: 157 }, contentType: 'image/png' }, // expect: size-matches-output
    { id: 'medium', alt: `Post ${params.slug}`, size: { width: 600, height: 315 }, contentType: 'image/png' }, // expect: size-matches-output
  ]
}

export default async function Image({ params }: { params: Promise<{ slug: string }>; id: Promise<string> }) {
  const { slug } = await params
  return new ImageResponse(<div style={{ display: 'flex' }}>{slug}</div>, { ...size })
}
