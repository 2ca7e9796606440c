// Shape: a JavaScript icon with a made-up MIME type.
import { ImageResponse } from 'next/server'

export const size = { width: 32, height: 32 }
export const contentType = 'image/icon' // expect: content-type-matches-output

export default function Icon() {
  return new ImageResponse(<div style={{ display: 'flex', background: 'red' }}>A</div>, { ...size })
}
