import { ImageResponse } from 'next/og'
import { getTranslations } from 'next-intl/server'
import { env } from '@/env'

export const alt = 'Field Notes'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default async function TwitterImage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  const t = await getTranslations({ locale, namespace: 'OpenGraph' })
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', padding: 80, background: env.SITE_ACCENT, color: 'white', fontSize: 64 }}>
        {t('title')}
      </div>
    ),
    size,
  )
}
