export default async function PromoPhoto({ params }: { params: Promise<{ photo: string }> }) {
  const { photo } = await params
  return <aside>{`promo for ${photo}`}</aside>
}
