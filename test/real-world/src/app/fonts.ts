import localFont from 'next/font/local'

export const brand = localFont({
  src: './fonts/Brand-Bold.woff2',
  weight: '700',
  variable: '--font-brand',
  display: 'swap',
})
