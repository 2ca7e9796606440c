import { ImageResponse } from 'next/og'

export const OG_SIZE = { width: 1200, height: 630 }

/** Renders a post card; callers pass the title. */
export function renderOg(title: string) {
  return new ImageResponse(<div style={{ display: 'flex', fontSize: 80 }}>{title}</div>, OG_SIZE)
}
