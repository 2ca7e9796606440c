// Shape: options built with Object.assign from a shared constant. Clean.
import { ImageResponse } from 'next/og'

const BASE_SIZE = { width: 1200, height: 630 }

export const alt = 'Portfolio'
export const size = BASE_SIZE
export const contentType = 'image/png'

export default async function Image() {
  return new ImageResponse(<div style={{ display: 'flex' }}>Portfolio</div>, Object.assign({}, BASE_SIZE, { emoji: 'twemoji' as const }))
}
