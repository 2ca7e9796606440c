// Shape: generateImageMetadata answers a missing product with a Response, as a route handler would.
import { ImageResponse } from 'next/og'

declare function getProduct(id: string): Promise<{ name: string; images: string[] } | null>

export async function generateImageMetadata({ params }: { params: { id: string } }) {
  const product = await getProduct(params.id)
  if (!product) {
    return new Response('Not found', { status: 404 }) // expect: image-metadata-returns-array
  }
  return product.images.map((_, index) => ({ id: String(index), alt: product.name, size: { width: 1200, height: 630 } }))
}

export default async function Image({ params, id }: { params: Promise<{ id: string }>; id: Promise<string> }) {
  const product = await getProduct((await params).id)
  const index = Number(await id)
  return new ImageResponse(<img src={product?.images[index]} width={1200} height={630} />, { width: 1200, height: 630 })
}
