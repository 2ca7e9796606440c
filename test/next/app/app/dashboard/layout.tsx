import type { ReactNode } from 'react'

export default function DashboardLayout({ children, stats }: { children: ReactNode; stats: ReactNode }) {
  return (
    <section>
      {children}
      {stats}
    </section>
  )
}
