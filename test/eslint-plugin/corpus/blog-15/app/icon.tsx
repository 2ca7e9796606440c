// Shape: hand-written items, one without an id and one id repeated.
import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return [
    { id: 'small', size: { width: 48, height: 48 }, contentType: 'image/png' },
    { size: { width: 72, height: 72 }, contentType: 'image/png' }, // expect: require-id
    { id: 'small', size: { width: 96, height: 96 }, contentType: 'image/png' }, // expect: unique-ids, size-matches-output
  ]
}

export default async function Icon({ id }: { id: string }) {
  const side = id === 'small' ? 48 : 72
  return new ImageResponse(<div style={{ display: 'flex', fontSize: side }}>B</div>, { width: side, height: side })
}
