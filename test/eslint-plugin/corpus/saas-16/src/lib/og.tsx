import { ImageResponse } from 'next/og'

export const OG_SIZE = { width: 1200, height: 630 } as const

/** The shared card every page's social image uses. */
export function renderOgCard(title: string) {
  return new ImageResponse(<div style={{ display: 'flex', fontSize: 72 }}>{title}</div>, { ...OG_SIZE })
}
