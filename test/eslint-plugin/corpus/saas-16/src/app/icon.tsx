// Shape: favicon sizes declared per item over one big PNG, rendered inside try/catch with an error answer.
import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return [
    { id: 'ico', contentType: 'image/x-icon', size: { width: 16, height: 16 } }, // expect: content-type-matches-output, size-matches-output
    { id: '32', contentType: 'image/png', size: { width: 32, height: 32 } }, // expect: size-matches-output
    { id: '48', contentType: 'image/png', size: { width: 48, height: 48 } }, // expect: size-matches-output
    { id: '64', contentType: 'image/png', size: { width: 64, height: 64 } }, // expect: size-matches-output
    { id: '128', contentType: 'image/png', size: { width: 128, height: 128 } }, // expect: size-matches-output
    { id: '192', contentType: 'image/png', size: { width: 192, height: 192 } }, // expect: size-matches-output
    { id: '256', contentType: 'image/png', size: { width: 256, height: 256 } }, // expect: size-matches-output
  ]
}

export default async function Icon() {
  try {
    return new ImageResponse(
      (
        <div style={{ display: 'flex', width: '100%', height: '100%', background: '#0f172a', color: '#fff' }}>S</div>
      ),
      { width: 512, height: 512 },
    )
  } catch (error) {
    console.error('icon failed', error)
    return new Response('Failed to generate the icon', { status: 500 })
  }
}
