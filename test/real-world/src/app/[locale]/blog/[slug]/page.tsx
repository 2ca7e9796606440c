import Link from 'next/link'
import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { getPost, getPosts } from '@/lib/posts'

export async function generateStaticParams({ params }: { params: { locale: string } }) {
  const posts = await getPosts(params.locale)
  return posts.map((post) => ({ slug: post.slug }))
}

export default async function PostPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params
  setRequestLocale(locale)
  const post = await getPost(locale, slug)
  if (!post) notFound()
  return (
    <article>
      <Link href={`/${locale}`}>←</Link>
      <h1>{post.title}</h1>
    </article>
  )
}
