export function OgCard({ title }: { title: string }) {
  return <div style={{ display: 'flex', fontSize: 64, background: '#111', color: '#fff' }}>{title}</div>
}
