// Shape: try/catch that returns null, and a declared height that the options do not render.
import { ImageResponse } from 'next/server'

export const size = { width: 1200, height: 630 } // expect: size-matches-output
export const contentType = 'image/png'
export const runtime = 'edge'

const OG_STANDARD_IMAGE = 'https://cdn.example.com/og.png'

export default async function Image() {
  try {
    const imgUrl = OG_STANDARD_IMAGE
    return new ImageResponse(
      (
        <div style={{ fontSize: 128, background: 'white', display: 'flex' }}>
          <img src={imgUrl} style={{ objectFit: 'cover' }} alt="og" />
        </div>
      ),
      { width: 1200, height: 600 },
    )
  } catch (err) {
    return null // expect: image-function-returns-response
  }
}
