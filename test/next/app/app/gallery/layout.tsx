import type { ReactNode } from 'react'

// A parallel slot above the pages: @promo matches /gallery/[photo] with a page of its own and falls back to its
// default.tsx for /gallery and /gallery/about.
export default function GalleryLayout({ children, promo }: { children: ReactNode; promo: ReactNode }) {
  return (
    <section>
      {children}
      {promo}
    </section>
  )
}
