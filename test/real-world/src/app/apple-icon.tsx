import { ImageResponse } from 'next/og'

export const size = { width: 180, height: 180 }
export const contentType = 'image/png'

export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#0f172a', color: '#10b981', fontSize: 120, fontWeight: 700 }}>
        F
      </div>
    ),
    // Drawn at the size of the largest icon, not at the size declared above.
    { width: 192, height: 192 },
  )
}
