// Shape: Next 16 types written early in a Next 15 app (params as a Promise).
import { ImageResponse } from 'next/og'

export const size = { width: 1200, height: 600 }
export const contentType = 'image/png'

export default async function Image({ params }: { params: Promise<{ slug: string }> }) { // expect: params-match-route
  const { slug } = await params
  return new ImageResponse(<div style={{ display: 'flex' }}>{slug}</div>, { ...size })
}
