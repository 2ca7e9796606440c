import type { Metadata } from 'next'
import { GeistMono } from 'geist/font/mono'
import { GeistSans } from 'geist/font/sans'
import { env } from '@/env'
import { brand } from './fonts'
import styles from './layout.module.css'
import './globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(env.NEXT_PUBLIC_SITE_URL),
  title: { default: env.SITE_NAME, template: `%s · ${env.SITE_NAME}` },
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html className={`${GeistSans.variable} ${GeistMono.variable} ${brand.variable}`}>
      <body className={styles.body}>{children}</body>
    </html>
  )
}
