export function generateStaticParams() {
  return [{ path: ['guide'] }, { path: ['guide', 'install'] }]
}

export default async function Doc({ params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params
  return <main>{`docs ${path.join('/')}`}</main>
}
