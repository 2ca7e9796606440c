// Shape: a plain icon inside the catch-all that serves collection pages.
import { ImageResponse } from 'next/og'

export const size = { width: 32, height: 32 }
export const contentType = 'image/png'

export default function Icon() { // expect: no-catch-all-image-metadata
  return new ImageResponse(<div style={{ display: 'flex' }}>C</div>, { ...size })
}
