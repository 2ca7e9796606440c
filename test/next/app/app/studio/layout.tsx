import type { ReactNode } from 'react'

// A slot beside a route group: 14 and 15 sort `/studio/(work)/…` before `/studio/@panel/…` and visit the
// children branch first; their @panel step then carries /studio's image files again, after the deeper icon.
export default function StudioLayout({ children, panel }: { children: ReactNode; panel: ReactNode }) {
  return (
    <section>
      {children}
      {panel}
    </section>
  )
}
