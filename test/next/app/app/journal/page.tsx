export default function Journal() {
  return <main>journal</main>
}
