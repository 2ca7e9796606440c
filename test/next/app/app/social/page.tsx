import type { Metadata } from 'next'

// Image objects written in an unusual key order, with a key 16 knows (secureUrl) and a string image: 14 and 15
// print each object's keys in the order written here, 16 prints its fixed order. A width of 0 prints `0` on 14
// and 15 and nothing on 16.
export const metadata: Metadata = {
  openGraph: {
    images: [
      { alt: 'Alt first', secureUrl: 'https://cdn.example.com/secure.png', height: 300, url: 'https://cdn.example.com/a.png', type: 'image/png', width: 600 },
      'https://cdn.example.com/b.png',
    ],
  },
  twitter: { images: { height: 200, url: new URL('https://cdn.example.com/t.png'), alt: 'Twitter alt', width: 0 } },
}

export default function Social() {
  return <main>social</main>
}
