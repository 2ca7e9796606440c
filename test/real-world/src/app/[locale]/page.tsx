import Link from 'next/link'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { getPosts } from '@/lib/posts'

export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations('Home')
  const posts = await getPosts(locale)
  return (
    <main>
      <h1>{t('title')}</h1>
      <ul>
        {posts.map((post) => (
          <li key={post.slug}>
            <Link href={`/${locale}/blog/${post.slug}`}>{post.title}</Link>
          </li>
        ))}
      </ul>
    </main>
  )
}
