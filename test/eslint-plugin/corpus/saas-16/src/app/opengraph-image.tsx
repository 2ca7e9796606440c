// Shape: the documented single image with file-level metadata and `{ ...size }`. Clean.
import { ImageResponse } from 'next/og'

export const alt = 'Acme: invoices without the paperwork'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default async function Image() {
  return new ImageResponse(<div style={{ display: 'flex', fontSize: 96 }}>Acme</div>, { ...size })
}
