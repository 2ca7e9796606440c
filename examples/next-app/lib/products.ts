// The example's data source: what a database or CMS would return. Image routes reach it through the `@/` alias.

export interface ProductImage {
  /** Numeric ids, as a database hands them out. */
  id: number
  caption: string
}

export interface Product {
  id: string
  name: string
  images: ProductImage[]
}

const PRODUCTS: Product[] = [
  { id: '1', name: 'Desk lamp', images: [{ id: 100, caption: 'Desk lamp, lit' }, { id: 101, caption: 'Desk lamp, folded' }] },
  { id: '2', name: 'Reading chair', images: [{ id: 200, caption: 'Reading chair in oak' }] },
]

/** Every product, for generateStaticParams. */
export async function getProducts(): Promise<Product[]> {
  return PRODUCTS
}

/** The social images of one product. */
export async function getOGImages(productId: string): Promise<ProductImage[]> {
  return PRODUCTS.find((p) => p.id === productId)?.images ?? []
}

/** The caption drawn on one image; ids arrive as strings on Next 16 and as numbers before it. */
export async function getCaptionForImage(productId: string, imageId: string | number): Promise<string> {
  const images = await getOGImages(productId)
  return images.find((image) => String(image.id) === String(imageId))?.caption ?? 'Product'
}
