export function generateStaticParams() {
  return [{ slug: 'hello-world' }, { slug: 'second' }]
}

export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  return <main>{`post ${slug}`}</main>
}
