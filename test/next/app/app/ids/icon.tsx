import { ImageResponse } from 'next/og'

// Ids Next puts into the URL as they are: a number, a space, non-ASCII letters, punctuation.
const IDS: Array<string | number> = [100, 'with space', 'ünïcode', "p.u-n_c~t!$&'()*+,;=:@"]

export function generateImageMetadata() {
  return [
    { id: IDS[0]!, size: { width: 16, height: 16 }, contentType: 'image/png' },
    { id: IDS[1]!, size: { width: 17, height: 17 } },
    { id: IDS[2]!, contentType: 'image/png' },
    { id: IDS[3]! },
  ]
}

export default async function Icon({ params, id }: { params: Promise<unknown>; id: Promise<string | number> }) {
  const key = await id
  const resolved = await params
  const index = IDS.findIndex((candidate) => String(candidate) === String(key))
  const side = 16 + Math.max(index, 0) + (typeof key === 'number' ? 10 : 0)
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#7c3aed', opacity: 0.25 * (index + 1) }} />,
    { width: side, height: side, headers: { 'x-imgmeta-probe': encodeURIComponent(JSON.stringify({ id: key, type: typeof key, params: resolved ?? null })) } },
  )
}
