// Shape: the image function written like a page, reading searchParams.
import { ImageResponse } from 'next/og'

export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default function Image({ params, searchParams }: { params: {}; searchParams: { ref?: string } }) { // expect: no-unknown-image-props
  return new ImageResponse(<div style={{ display: 'flex' }}>{searchParams.ref ?? 'Account'}</div>, { ...size })
}
