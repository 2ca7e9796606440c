import type { Metadata } from 'next'

// No twitter images: twitter falls back to these og objects, in their key order on 14 and 15.
export const metadata: Metadata = {
  openGraph: { images: { type: 'image/jpeg', url: 'https://cdn.example.com/c.jpg', alt: 'Inherited by twitter' } },
}

export default function Inherit() {
  return <main>inherit</main>
}
