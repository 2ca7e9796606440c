// Shape: Next 15 types left in place after the upgrade to 16.
import { ImageResponse } from 'next/og'

export const alt = 'Project'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default async function Image({ params }: { params: { slug: string } }) { // expect: params-match-route
  return new ImageResponse(<div style={{ display: 'flex' }}>{params.slug}</div>, { ...size })
}
