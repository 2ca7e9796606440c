export default function Home() {
  return (
    <main>
      <h1>imgmeta example shop</h1>
      <p>
        <a href="/products/1">Desk lamp</a> · <a href="/products/2">Reading chair</a> · <a href="/blog">Blog</a>
      </p>
    </main>
  )
}
