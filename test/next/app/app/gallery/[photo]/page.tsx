export function generateStaticParams() {
  return [{ photo: 'sunset' }]
}

export default async function Photo({ params }: { params: Promise<{ photo: string }> }) {
  const { photo } = await params
  return <main>{`photo ${photo}`}</main>
}
