// The second example of Next's generateImageMetadata docs page: one Open Graph image per product photo, items from
// data through the `@/` alias, numeric ids.
import { ImageResponse } from 'next/og'
import { getCaptionForImage, getOGImages } from '@/lib/products'

const size = { width: 1200, height: 600 }

export async function generateImageMetadata({ params }: { params: { id: string } }) {
  const images = await getOGImages(params.id)
  return images.map((image) => ({
    id: image.id,
    size,
    alt: image.caption,
    contentType: 'image/png',
  }))
}

export default async function Image({
  params,
  id,
}: {
  params: Promise<{ id: string }>
  // Next 16 passes the id as the URL segment, a string, even though the item's id is a number.
  id: Promise<string>
}) {
  const productId = (await params).id
  const imageId = await id
  const text = await getCaptionForImage(productId, imageId)
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 64,
          background: '#f4f1ea',
          color: '#222',
        }}
      >
        {text}
      </div>
    ),
    size,
  )
}
