export default function Stats() {
  return <aside>stats</aside>
}
