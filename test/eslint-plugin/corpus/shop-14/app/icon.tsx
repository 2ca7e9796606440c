// Shape: sizes mapped from a list, numeric ids, a file-level contentType the items repeat.
import { ImageResponse } from 'next/og'

export const iconSizes = [48, 72, 96, 144, 192, 512]

export function generateImageMetadata() {
  return iconSizes.map((size) => ({
    id: size,
    contentType: 'image/png',
    size: { width: size, height: size },
  }))
}

export const contentType = 'image/png' // expect: no-redundant-file-metadata

export default function Icon({ id }: { id: number }) {
  return new ImageResponse(<div style={{ display: 'flex', fontSize: id }}>S</div>, { width: id, height: id })
}
