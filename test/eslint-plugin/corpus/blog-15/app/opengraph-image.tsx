// Shape: size and rendering both from a shared module (`@/lib/og`). Clean.
import { OG_SIZE, renderOg } from '@/lib/og'

export const alt = 'The blog'
export const size = OG_SIZE
export const contentType = 'image/png'

export default function Image() {
  return renderOg('The blog')
}
