// Shape: an early bare return in generateImageMetadata for a missing note.
import { ImageResponse } from 'next/og'

declare function getNote(id: string): Promise<{ title: string } | undefined>

export async function generateImageMetadata({ params }: { params: { id: string } }) {
  const note = await getNote(params.id)
  if (!note) return // expect: image-metadata-returns-array
  return [{ id: 'card', alt: note.title, size: { width: 1200, height: 630 }, contentType: 'image/png' }]
}

export default async function Image({ params }: { params: Promise<{ id: string }>; id: Promise<string> }) {
  const note = await getNote((await params).id)
  return new ImageResponse(<div style={{ display: 'flex' }}>{note?.title}</div>)
}
