export function generateStaticParams() {
  return [{ path: [] }, { path: ['report'] }]
}

export default async function Files({ params }: { params: Promise<{ path?: string[] }> }) {
  const { path } = await params
  return <main>{`files ${(path ?? []).join('/')}`}</main>
}
