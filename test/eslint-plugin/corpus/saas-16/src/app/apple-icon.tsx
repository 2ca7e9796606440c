// Shape: sizes from an imported constant, an arrow exported by name, size read from the id. Clean.
import { ImageResponse } from 'next/og'
import { ICON_SIZES } from '@/lib/icon-sizes'

const generateImageMetadata = () =>
  ICON_SIZES.map((side) => ({
    contentType: 'image/png',
    id: String(side),
    size: { width: side, height: side },
  }))

const AppleIcon = async ({ id }: { id: Promise<string> }) => {
  const side = Number(await id)
  return new ImageResponse(<div style={{ display: 'flex', fontSize: side / 2 }}>S</div>, { width: side, height: side })
}

export default AppleIcon
export { generateImageMetadata }
