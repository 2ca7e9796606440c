export function generateStaticParams() {
  return [{ size: 'big' }]
}

export default async function Dynamic({ params }: { params: Promise<{ size: string }> }) {
  const { size } = await params
  return <main>{`dynamic ${size}`}</main>
}
