export function generateStaticParams() {
  return [{ piece: 'vase' }]
}

export default async function Piece({ params }: { params: Promise<{ piece: string }> }) {
  const { piece } = await params
  return <main>{`piece ${piece}`}</main>
}
