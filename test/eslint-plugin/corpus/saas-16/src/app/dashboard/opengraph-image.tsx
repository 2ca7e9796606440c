// Shape: a client component (a chart with hooks) reused inside the social image.
import { ImageResponse } from 'next/og'
import { OgCard } from '@/components/og-card'
import { StatsChart } from '@/components/stats-chart'

export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(
    (
      <div style={{ display: 'flex' }}>
        <OgCard title="Dashboard" />
        <StatsChart label="Visits" /> {/* expect: no-client-component-in-image-response */}
      </div>
    ),
    { ...size },
  )
}
