export default async function PanelPiece({ params }: { params: Promise<{ piece: string }> }) {
  const { piece } = await params
  return <aside>{`panel for ${piece}`}</aside>
}
