import { ImageResponse } from 'next/og'

// generateImageMetadata below a catch-all: the id segment would follow [...path].
export function generateImageMetadata() {
  return [{ id: 'small', size: { width: 32, height: 32 }, contentType: 'image/png' }]
}

export default function Icon() {
  return new ImageResponse(<div style={{ width: '100%', height: '100%', display: 'flex', background: '#000' }} />, { width: 32, height: 32 })
}
