// Shape: a params type that lists only the params the code reads. Clean: a subset is no mistake.
import { ImageResponse } from 'next/og'
import { OG_SIZE } from '@/lib/og'

export const size = OG_SIZE
export const contentType = 'image/png'

const TITLES: Record<string, string> = { en: 'Pricing', de: 'Preise' }

export default async function Image({ params }: { params: Promise<{ locale: string }> }) { // expect-not: params-match-route
  const { locale } = await params
  return new ImageResponse(<div style={{ display: 'flex' }}>{TITLES[locale] ?? 'Pricing'}</div>, { ...OG_SIZE })
}
