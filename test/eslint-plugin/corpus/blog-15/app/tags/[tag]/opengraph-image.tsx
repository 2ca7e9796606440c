// Shape: file-level exports left beside generateImageMetadata after adding it.
import { ImageResponse } from 'next/og'

export const alt = 'Posts by tag' // expect: valid-image-route
export const contentType = 'image/png' // expect: no-redundant-file-metadata

export function generateImageMetadata({ params }: { params: { tag: string } }) {
  return ['light', 'dark'].map((theme) => ({
    id: theme,
    size: { width: 1200, height: 630 },
    contentType: 'image/png',
  }))
}

export default function Image({ params, id }: { params: { tag: string }; id: string }) {
  return new ImageResponse(<div style={{ display: 'flex' }}>#{params.tag} {id}</div>)
}
