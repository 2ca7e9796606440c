export default function PanelDefault() {
  return null
}
