import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { escapeHtml } from '../html.js'
import { adviceFor } from '../finding.js'
import type { RunOutcome } from '../run-vitest.js'
import { routeRows } from './route-rows.js'

/** Failures given images in the report; the rest are listed by name only, to bound the artifact's size. */
export const MAX_REPORT_IMAGES = 200

/**
 * Writes a self-contained static report into `dir`: `index.html` plus copies of the expected, received and
 * diff image of each failure, so the folder can be uploaded as a CI artifact and opened anywhere.
 * Only files imgmeta creates inside `dir` are written; nothing is deleted.
 */
export function writeHtmlReport(outcome: RunOutcome, dir: string): string {
  const imagesDir = path.join(dir, 'images')
  mkdirSync(imagesDir, { recursive: true })
  const findings = outcome.results.filter((r) => r.state !== 'passed')
  const sections: string[] = []
  findings.forEach((finding, index) => {
    const figures: string[] = []
    if (index < MAX_REPORT_IMAGES) {
      for (const [label, file] of [
        ['expected', finding.files.reference],
        ['received', finding.files.received],
        ['diff', finding.files.diff],
      ] as const) {
        if (!file || !existsSync(file)) continue
        const name = `${index + 1}-${label}.png`
        copyFileSync(file, path.join(imagesDir, name))
        figures.push(
          `<figure><figcaption>${label}</figcaption><a href="images/${name}"><img src="images/${name}" alt="${label} image of ${escapeHtml(finding.name)}"></a></figure>`,
        )
      }
    }
    sections.push(`<section class="finding ${finding.state}">
<h2>${finding.state === 'failed' ? '✗' : '○'} <code>${escapeHtml(finding.file)}</code> <small>${escapeHtml(finding.route)}</small></h2>
<p class="test">${escapeHtml(finding.name)}</p>
<pre>${escapeHtml(stripAnsi(finding.message))}</pre>
<p class="advice">→ ${escapeHtml(adviceFor(finding.kind ?? 'error'))}</p>
<div class="images">${figures.join('\n')}</div>
</section>`)
  })
  const warned = outcome.results.filter((r) => r.warnings && r.warnings.length > 0)
  if (warned.length > 0) {
    const items = warned.map(
      (r) => `<li><code>${escapeHtml(r.file)}</code> ${escapeHtml(r.name)}<ul>${r.warnings!.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></li>`,
    )
    sections.push(`<section class="warnings">
<h2>⚠ Warnings (${warned.reduce((total, r) => total + r.warnings!.length, 0)})</h2>
<p>What the renderer ignored or drew differently, as next/og does; these images are not failures.</p>
<ul>
${items.join('\n')}
</ul>
</section>`)
  }
  for (const error of outcome.errors) {
    sections.push(`<section class="finding failed"><h2>✗ <code>${escapeHtml(error.file ?? 'run')}</code></h2><pre>${escapeHtml(stripAnsi(error.message))}</pre></section>`)
  }
  const rows = routeRows(outcome)
    .map((r) => `<tr${r.failed ? ' class="failed"' : ''}><td><code>${escapeHtml(r.file)}</code></td><td><code>${escapeHtml(r.route)}</code></td><td>${r.total}</td><td>${r.passed}</td><td>${r.failed}</td><td>${r.skipped}</td></tr>`)
    .join('\n')
  const failed = outcome.results.filter((r) => r.state === 'failed').length + outcome.errors.length
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>imgmeta report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
tr.failed td{background:#fee}.finding{border-top:1px solid #ccc;margin-top:1.5rem}
pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}.images{display:flex;gap:1rem;flex-wrap:wrap}
figure{margin:0}img{max-width:420px;border:1px solid #ccc;background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) 0 0/16px 16px}
.advice{color:#055}.warnings{border-top:1px solid #ccc;margin-top:1.5rem;color:#750}
</style></head><body>
<h1>imgmeta: ${failed === 0 ? 'all images pass' : `${failed} failing`}</h1>
<p>${outcome.results.length} images in ${outcome.routes.length} routes; snapshots ${outcome.snapshots.added} added, ${outcome.snapshots.updated} updated, ${outcome.snapshots.matched} unchanged, ${outcome.snapshots.unmatched} failed.</p>
<table><thead><tr><th>route file</th><th>URL</th><th>images</th><th>passed</th><th>failed</th><th>not covered</th></tr></thead><tbody>
${rows}
</tbody></table>
${sections.join('\n')}
</body></html>
`
  const index = path.join(dir, 'index.html')
  const temp = `${index}.${process.pid}.tmp`
  writeFileSync(temp, html)
  renameSync(temp, index)
  return index
}

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '')
}
