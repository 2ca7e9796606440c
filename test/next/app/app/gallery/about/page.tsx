export default function GalleryAbout() {
  return <main>gallery about</main>
}
