// Shape: Next 15 types, one image per cover, ids from data. Clean.
import { ImageResponse } from 'next/og'

declare function getPost(slug: string): Promise<{ title: string; covers: { key: string }[] }>

export async function generateImageMetadata({ params }: { params: { slug: string } }) {
  const post = await getPost(params.slug)
  return post.covers.map((cover) => ({
    id: cover.key,
    alt: post.title,
    size: { width: 1200, height: 630 },
    contentType: 'image/png',
  }))
}

export default async function Image({ params, id }: { params: { slug: string }; id: string }) {
  const post = await getPost(params.slug)
  return new ImageResponse(<div style={{ display: 'flex' }}>{post.title} {id}</div>, { width: 1200, height: 630 })
}
