// Shape: items written as favicon <link> attributes, which Next never reads.
import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return [
    {
      id: 'light',
      rel: 'icon', // expect: no-unknown-metadata-keys
      type: 'image/png', // expect: no-unknown-metadata-keys
      sizes: '32x32', // expect: no-unknown-metadata-keys
      media: '(prefers-color-scheme: light)', // expect: no-unknown-metadata-keys
    },
    { id: 'dark', size: { width: 32, height: 32 }, url: '/icon-dark.png' }, // expect: no-unknown-metadata-keys
  ]
}

export default async function Icon({ id }: { id: Promise<string> }) {
  const dark = (await id) === 'dark'
  return new ImageResponse(<div style={{ display: 'flex', background: dark ? '#000' : '#fff' }} />, { width: 32, height: 32 })
}
