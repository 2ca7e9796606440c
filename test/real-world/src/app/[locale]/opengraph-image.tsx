import { ImageResponse } from 'next/og'
import { getTranslations } from 'next-intl/server'
import { env } from '@/env'
import { track } from '@/lib/analytics'

export const alt = 'Field Notes'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default async function OpenGraphImage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  const t = await getTranslations({ locale, namespace: 'OpenGraph' })
  await track('og-image', { locale })
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: 80, background: '#0f172a', color: 'white' }}>
        <div style={{ fontSize: 28, color: env.SITE_ACCENT }}>{env.SITE_NAME}</div>
        <div style={{ fontSize: 72, fontWeight: 700 }}>{t('title')}</div>
        <div style={{ fontSize: 28, opacity: 0.7 }}>{new URL(env.NEXT_PUBLIC_SITE_URL).host}</div>
      </div>
    ),
    size,
  )
}
