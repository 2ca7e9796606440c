// Shape: the image function returns only when the note exists.
import { ImageResponse } from 'next/og'

declare function getNote(id: string): Promise<{ emoji: string } | undefined>

export const size = { width: 64, height: 64 }
export const contentType = 'image/png'

export default async function Icon({ params }: { params: Promise<{ id: string }> }) {
  const note = await getNote((await params).id)
  if (note) {
    return new ImageResponse(<div style={{ display: 'flex', fontSize: 48 }}>{note.emoji}</div>, { ...size })
  }
} // expect: image-function-returns-response
