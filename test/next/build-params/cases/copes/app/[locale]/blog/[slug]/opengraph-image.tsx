import { ImageResponse } from 'next/og'
import { posts } from './posts'

// Lists no ids when the post is not found (the build-time call of 16 has no params); the page's params work.
export function generateImageMetadata({ params }: { params: { locale: string; slug: string } }) {
  const post = posts.find((p) => p.locale === params.locale && p.slug === params.slug)
  return post ? [{ id: 'card', size: { width: 1200, height: 630 }, contentType: 'image/png', alt: post.title }] : []
}

export default async function Image({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug } = await params
  return new ImageResponse(<div style={{ display: 'flex', width: '100%', height: '100%', background: 'white', fontSize: 64 }}>{slug}</div>, { width: 1200, height: 630 })
}
