// Shape: element and options from an async helper, inside try/catch with a 500 answer. Clean.
import { ImageResponse } from 'next/og'

declare function buildCard(input: { page: string }): Promise<{ element: React.ReactElement; options: { width: number; height: number } }>

export const alt = 'About the author'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default async function Image() {
  try {
    const { element, options } = await buildCard({ page: 'about' })
    return new ImageResponse(element, options)
  } catch (e: unknown) {
    console.log(`${e}`)
    return new Response('Failed to generate the image', { status: 500 })
  }
}
