import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return [{ id: 'file', size: { width: 1200, height: 630 }, contentType: 'image/png', alt: 'From the file' }]
}

export default async function Image({ id }: { id: Promise<string | number> }) {
  const key = await id
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#be123c', color: 'white', fontSize: 80 }}>{`override ${String(key)}`}</div>,
    { width: 1200, height: 630 },
  )
}
