// The first example of Next's generateImageMetadata docs page: one file, two icon sizes.
import { ImageResponse } from 'next/og'

const SIZES = {
  small: { width: 48, height: 48 },
  medium: { width: 72, height: 72 },
} as const

export function generateImageMetadata() {
  return [
    { contentType: 'image/png', size: SIZES.small, id: 'small' },
    { contentType: 'image/png', size: SIZES.medium, id: 'medium' },
  ]
}

export default async function Icon({ id }: { id: Promise<string | number> }) {
  const iconId = String(await id) as keyof typeof SIZES
  // The docs' version leaves out width/height, so it renders 1200×630 under a 48×48 tag; this one renders the declared size.
  const size = SIZES[iconId] ?? SIZES.small
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: size.width / 2,
          background: '#000',
          color: '#fafafa',
        }}
      >
        {iconId === 'small' ? 'S' : 'M'}
      </div>
    ),
    size,
  )
}
