// Shape: one image per language, id typed as a plain string on Next 16.
import { ImageResponse } from 'next/og'

const LANGUAGES = ['en', 'fr', 'ja'] as const

export function generateImageMetadata({ params }: { params: { lang: string } }) {
  return LANGUAGES.map((language) => ({ id: language, alt: `${params.lang} / ${language}`, size: { width: 1200, height: 630 } }))
}

export default async function Image({ params, id }: { params: Promise<{ lang: string }>; id: string }) { // expect: id-type
  const { lang } = await params
  return new ImageResponse(<div style={{ display: 'flex' }}>{lang} {id}</div>, { width: 1200, height: 630 })
}
