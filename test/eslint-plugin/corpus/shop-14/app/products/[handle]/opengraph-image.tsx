// Shape: the docs' example grown in place: sizes chosen by a ternary, file-level exports kept.
import { ImageResponse } from 'next/og'

export const contentType = 'image/png' // expect: no-redundant-file-metadata
export const size = { width: 512, height: 512 } // expect: valid-image-route

export function generateImageMetadata({ params }: { params: { handle: string } }) {
  const big = params.handle === 'big'
  return [0, 1, 2].map((i) => {
    return {
      size: {
        width: big === true ? 1200 : 600,
        height: big === true ? 630 : 315,
      },
      alt: 'product',
      contentType: 'image/png',
      id: i,
    }
  })
}

export default function Image({ params, id }: { params: { handle: string }; id: number }) {
  return new ImageResponse(<div style={{ display: 'flex' }}>{params.handle} {id}</div>, { ...size })
}
