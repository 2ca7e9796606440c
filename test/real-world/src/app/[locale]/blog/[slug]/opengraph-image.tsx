import { ImageResponse } from 'next/og'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { env } from '@/env'
import { getPost } from '@/lib/posts'

type Props = { params: Promise<{ locale: string; slug: string }> }

// next build (16) also calls this once with params: {} to list the ids; without a post it lists none.
export async function generateImageMetadata({ params }: { params: { locale?: string; slug?: string } }) {
  if (!params.locale || !params.slug) return []
  const post = await getPost(params.locale, params.slug)
  if (!post) return []
  return [
    { id: 'wide', alt: post.title, size: { width: 1200, height: 630 }, contentType: 'image/png' },
    { id: 'square', alt: post.title, size: { width: 600, height: 600 }, contentType: 'image/png' },
  ]
}

export default async function PostImage({ params, id }: Props & { id: Promise<string> }) {
  const { locale, slug } = await params
  const post = await getPost(locale, slug)
  if (!post) notFound()
  const t = await getTranslations({ locale, namespace: 'OpenGraph' })
  const square = (await id) === 'square'
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(post.date))
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 60, background: 'white', borderTop: `16px solid ${env.SITE_ACCENT}` }}>
        <div style={{ fontSize: square ? 48 : 64, fontWeight: 700 }}>{post.title}</div>
        <div style={{ display: 'flex', fontSize: 24, color: '#475569' }}>
          {`${date} · ${t('minutes', { count: post.minutes })}`}
        </div>
      </div>
    ),
    square ? { width: 600, height: 600 } : { width: 1200, height: 630 },
  )
}
