export function generateStaticParams() {
  return [
    { category: 'shoes', item: 'runner' },
    { category: 'hats', item: 'sun hat' },
  ]
}

export default async function Item({ params }: { params: Promise<{ category: string; item: string }> }) {
  const { category, item } = await params
  return <main>{`${category} / ${decodeURIComponent(item)}`}</main>
}
