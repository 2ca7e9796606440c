// A mistake seen in real projects, kept here for `npm run demo` to find: the items promise a 1024×768 WebP, but
// ImageResponse always answers PNG and, without width/height, renders 1200×630.
import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return [{ id: 'cover', size: { width: 1024, height: 768 }, alt: 'The blog', contentType: 'image/webp' }]
}

export default function Image() {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 96 }}>
        Blog
      </div>
    ),
  )
}
