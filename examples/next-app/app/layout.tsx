import type { ReactNode } from 'react'

export const metadata = {
  metadataBase: new URL('https://shop.example.com'),
  title: 'imgmeta example shop',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
