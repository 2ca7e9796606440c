// Shape: variants in an `as const` array returned as is; the image finds its variant. Clean.
import { ImageResponse } from 'next/og'

const variants = [
  { id: 'small', size: { width: 128, height: 128 }, contentType: 'image/png' },
  { id: 'medium', size: { width: 256, height: 256 }, contentType: 'image/png' },
  { id: 'large', size: { width: 512, height: 512 }, contentType: 'image/png' },
] as const

export function generateImageMetadata() {
  return variants
}

export default function Icon({ id }: { id: (typeof variants)[number]['id'] }) {
  const variant = variants.find((v) => v.id === id) ?? variants[0]
  return new ImageResponse(<div style={{ display: 'flex' }} />, { width: variant.size.width, height: variant.size.height })
}
