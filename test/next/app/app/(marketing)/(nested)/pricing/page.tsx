export default function Pricing() {
  return <main>pricing</main>
}
