export default function Ids() {
  return <main>ids</main>
}
