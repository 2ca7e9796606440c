// Shape: if/else in generateImageMetadata and a switch in the image function. Clean.
import { ImageResponse } from 'next/og'

const SMALL = { width: 32, height: 32 } as const
const LARGE = { width: 192, height: 192 } as const

export function generateImageMetadata() {
  if (process.env.NEXT_PUBLIC_SITE === 'minimal') {
    return [{ id: 'small', size: SMALL, contentType: 'image/png' }]
  } else {
    return [
      { id: 'small', size: SMALL, contentType: 'image/png' },
      { id: 'large', size: LARGE, contentType: 'image/png' },
    ]
  }
}

export default async function Icon({ id }: { id: Promise<string> }) {
  switch (await id) {
    case 'large':
      return new ImageResponse(<div style={{ display: 'flex', fontSize: 120 }}>P</div>, LARGE)
    case 'small':
    default:
      return new ImageResponse(<div style={{ display: 'flex', fontSize: 24 }}>P</div>, { ...SMALL })
  }
}
