export default function Gallery() {
  return <main>gallery</main>
}
