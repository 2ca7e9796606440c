import { posts } from './posts'

// The page's params are combined with the [locale] layout's, as Next combines them.
export function generateStaticParams({ params }: { params: { locale: string } }) {
  return posts.filter((post) => post.locale === params.locale).map((post) => ({ slug: post.slug }))
}

export default async function Post({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug } = await params
  return <main>{slug}</main>
}
