import { escapeHtml } from '../html.js'
import type { NextMajor } from '../../src/next-version.js'
import type { Gallery, GalleryImage } from './gallery.js'

/** What the page knows about one image's snapshot. */
export interface SnapshotView {
  /** URL of the reference image on this server. */
  referenceUrl: string
  /** URL of the diff composite, when the image differs. */
  diffUrl: string | undefined
  /** `identical`, or a count of differing pixels. */
  status: string
}

/** Inputs of renderPage. */
export interface PageInput {
  gallery: Gallery
  generation: number
  appDir: string
  renderer: string
  /** The installed Next major: its head tags are shown open. */
  nextVersion: NextMajor
  snapshots: Map<string, SnapshotView>
}

/** Largest edge an image is drawn at in the gallery; the link opens it at full size. */
const THUMB_EDGE = 360

/** The gallery page: one card per image, route errors first; reloads itself when the server re-renders. */
export function renderPage(input: PageInput): string {
  const { gallery } = input
  const errors = gallery.errors
    .map((e) => `<li class="route-error"><code>${escapeHtml(e.file)}</code><pre>${escapeHtml(e.message)}</pre></li>`)
    .join('\n')
  const cards = gallery.images.map((image) => card(image, input)).join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>imgmeta preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f4f5;color:#18181b}
header{padding:1rem 1.5rem;background:#18181b;color:#fafafa}header h1{margin:0;font-size:1.2rem}
header p{margin:.25rem 0 0;color:#a1a1aa}
main{padding:1.5rem}
.gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:1rem}
.image{background:#fff;border:1px solid #e4e4e7;border-radius:8px;padding:1rem;overflow:hidden}
.image.problem{border-color:#dc2626}
.image h2{font-size:1rem;margin:0 0 .5rem;word-break:break-all}
.frame{display:flex;align-items:center;justify-content:center;min-height:120px;
background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) 0 0/16px 16px;border-radius:4px}
.frame img{max-width:100%;max-height:${THUMB_EDGE}px;image-rendering:auto}
table{border-collapse:collapse;margin:.5rem 0;width:100%}td,th{text-align:left;padding:.15rem .4rem;border-bottom:1px solid #f0f0f0;vertical-align:top}
.bad{color:#dc2626;font-weight:600}pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#fafafa;padding:.4rem;margin:.25rem 0}
details{margin:.25rem 0}.snapshots{display:flex;gap:.5rem}.snapshots figure{margin:0;flex:1}.snapshots img{max-width:100%}
.route-error pre{color:#dc2626}.note{color:#52525b;font-size:12px;margin:.25rem 0}
</style></head>
<body data-generation="${input.generation}">
<header><h1>imgmeta preview</h1>
<p><code>${escapeHtml(input.appDir)}</code> · ${gallery.images.length} images · renderer ${escapeHtml(input.renderer)} · render #${input.generation}${gallery.truncated ? ' · list truncated' : ''}</p></header>
<main>
${errors ? `<h2>Routes that could not be shown</h2><ul class="errors">${errors}</ul>` : ''}
<section class="gallery">
${cards}
</section>
</main>
<script>
new EventSource('/events').addEventListener('rebuilt', () => location.reload())
</script>
</body></html>
`
}

function card(image: GalleryImage, input: PageInput): string {
  const declaredSize = image.declared.width !== undefined ? `${image.declared.width}×${image.declared.height}` : 'not declared'
  const realSize = image.real ? `${image.real.width}×${image.real.height}` : '—'
  const sizeBad = image.real && image.declared.width !== undefined && (image.declared.width !== image.real.width || image.declared.height !== image.real.height)
  const typeBad = image.real && image.declared.type.toLowerCase() !== image.real.type.split(';')[0]!.trim().toLowerCase()
  const problem = image.problems.length > 0 || image.error !== undefined
  const frame = image.png
    ? `<a href="/image/${image.key}.png?g=${input.generation}"><img src="/image/${image.key}.png?g=${input.generation}" alt="${escapeHtml(image.declared.alt ?? `image ${image.key}`)}" width="${image.real?.width}" height="${image.real?.height}" style="aspect-ratio:${image.real?.width}/${image.real?.height};height:auto"></a>`
    : `<pre class="bad">${escapeHtml(image.error ?? 'not rendered')}</pre>`
  const versions = image.versions
    .map(
      (v) =>
        `<details${v.version === input.nextVersion ? ' open' : ''} data-version="${v.version}"><summary>Next ${v.version}${v.version === input.nextVersion ? ' (installed)' : ''}: <code>${escapeHtml(v.url)}</code></summary>${
          v.queryNote ? `<p class="note query-note">${escapeHtml(v.queryNote)}</p>` : ''
        }<pre>${escapeHtml(v.tags)}</pre></details>`,
    )
    .join('')
  const snapshot = input.snapshots.get(image.key)
  const snapshotHtml = snapshot
    ? `<div class="snapshots"><figure><figcaption>snapshot (${escapeHtml(snapshot.status)})</figcaption><img src="${snapshot.referenceUrl}" alt="snapshot"></figure>${
        snapshot.diffUrl ? `<figure><figcaption>diff</figcaption><img src="${snapshot.diffUrl}" alt="diff"></figure>` : ''
      }</div>`
    : '<p>no snapshot yet (<code>imgmeta update</code> writes one)</p>'
  return `<article class="image${problem ? ' problem' : ''}" data-key="${image.key}" data-file="${escapeHtml(image.file)}">
<h2>${escapeHtml(image.pathname)}</h2>
<div class="frame">${frame}</div>
<table>
<tr><th></th><th>declared</th><th>real</th></tr>
<tr><th>size</th><td>${declaredSize}</td><td class="${sizeBad ? 'bad' : ''}">${realSize}</td></tr>
<tr><th>type</th><td>${escapeHtml(image.declared.type)}</td><td class="${typeBad ? 'bad' : ''}">${escapeHtml(image.real?.type ?? '—')}</td></tr>
<tr><th>file</th><td colspan="2"><code>${escapeHtml(image.file)}</code> id ${escapeHtml(JSON.stringify(image.id) ?? '—')}</td></tr>
</table>
${image.problems.map((p) => `<p class="bad">${escapeHtml(p)}</p>`).join('')}
${image.metadataBaseNote ? `<p class="note metadata-base">${escapeHtml(image.metadataBaseNote)}</p>` : ''}
${versions}
${snapshotHtml}
</article>`
}
