// An image route drawing text with next/og's twemoji option, whose emoji next/og fetches from its CDN.

/** The source of a 200×100 white card with `text` centred at `fontSize`, its emoji drawn as twemoji. */
export function twemojiRoute(text: string, fontSize: number): string {
  return `import { ImageResponse } from 'next/og'

export const size = { width: 200, height: 100 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#ffffff', fontSize: ${fontSize} }}>
      ${text}
    </div>,
    { ...size, emoji: 'twemoji' },
  )
}
`
}
