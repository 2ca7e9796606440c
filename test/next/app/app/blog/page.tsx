export default function Blog() {
  return <main>blog</main>
}
