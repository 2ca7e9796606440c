import { ImageResponse } from 'next/og'
import logo from './logo.png'

export function generateImageMetadata() {
  return [
    { id: 'small', size: { width: 32, height: 32 }, contentType: 'image/png' },
    { id: 'large', size: { width: 192, height: 192 }, contentType: 'image/png' },
  ]
}

export default async function Icon({ id }: { id: Promise<string> }) {
  const size = (await id) === 'small' ? 32 : 192
  // The logo's own proportions, from the static import.
  const inner = Math.round((size * logo.width) / logo.height / 2)
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#10b981', borderRadius: size / 4 }}>
        <div style={{ width: inner, height: inner, borderRadius: inner / 2, background: 'white' }} />
      </div>
    ),
    { width: size, height: size },
  )
}
