export default function PromoDefault() {
  return null
}
