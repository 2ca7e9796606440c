import { getProducts } from '@/lib/products'

export async function generateStaticParams() {
  const products = await getProducts()
  return products.map((product) => ({ id: product.id }))
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const product = (await getProducts()).find((p) => p.id === id)
  return <h1>{product?.name ?? 'Unknown product'}</h1>
}
