import type { Metadata } from 'next'

// metadata.openGraph.images in the same segment as an opengraph-image file: the file is not used for og:image.
export const metadata: Metadata = {
  openGraph: { images: [{ url: 'https://cdn.example.com/card.png', width: 800, height: 400, alt: 'From metadata' }] },
}

export default function Override() {
  return <main>override</main>
}
