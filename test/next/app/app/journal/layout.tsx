import type { Metadata } from 'next'
import type { ReactNode } from 'react'

// The layout sets og images and its folder has an opengraph-image file: the layout's step keeps its own images,
// the page's step (same folder, no images of its own) then applies the file, which wins.
export const metadata: Metadata = { openGraph: { images: 'https://cdn.example.com/journal.png' } }

export default function JournalLayout({ children }: { children: ReactNode }) {
  return <section>{children}</section>
}
