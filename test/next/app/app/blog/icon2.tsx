import { ImageResponse } from 'next/og'

// A numbered variant without generateImageMetadata: its own size and contentType exports count.
export const size = { width: 20, height: 20 }
export const contentType = 'image/png'

export default function Icon() {
  return new ImageResponse(<div style={{ width: '100%', height: '100%', display: 'flex', background: '#ca8a04' }} />, size)
}
