// `npm run demo`: every image route of the bundled example app, its URLs, its head tags and what imgmeta finds
// wrong with it. Runs offline; tsx loads the example's TSX and resolves its `@/` alias from its tsconfig.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  callGenerateImageMetadata,
  checkRenderedImage,
  detectNextVersion,
  findImageRoutes,
  hasGenerateImageMetadata,
  headTags,
  imageRouteParams,
  ImgmetaError,
  pageImageTags,
  renderHeadTags,
  renderImageRoute,
  resolveImageMetadata,
  validateImageMetadata,
  type ImageRouteModule,
  type Violation,
} from '../src/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const exampleDir = path.join(root, 'examples', 'next-app')
const appDir = path.join(exampleDir, 'app').replace(/\\/g, '/')
const PAGES = ['/', '/products/1', '/blog']
/** Param combinations shown per route: enough to see the pattern, short enough to read. */
const MAX_PARAMS_SHOWN = 2

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = paint('1')
const dim = paint('2')
const red = paint('31')
const green = paint('32')
const cyan = paint('36')

const load = (file: string) => import(file)
const relative = (file: string) => path.relative(root, file).replace(/\\/g, '/')
const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n')

async function main(): Promise<number> {
  const nextVersion = detectNextVersion(exampleDir)
  console.log(bold(`imgmeta demo: ${relative(exampleDir)}`) + dim(` (Next ${nextVersion} behaviour)`))
  const routes = await findImageRoutes(appDir)
  let findings = 0
  let images = 0

  for (const route of routes) {
    console.log(`\n${cyan('●')} ${bold(relative(route.file))}  ${dim(route.pathTemplate + (route.source === 'code' ? '' : ' (static file)'))}`)
    if (route.source === 'static') continue
    const mod = (await load(route.file)) as ImageRouteModule
    const allParams = await imageRouteParams(route, { load })
    if (allParams.length === 0) console.log(red('  no params: no generateStaticParams above this route provides them'))
    for (const params of allParams.slice(0, MAX_PARAMS_SHOWN)) {
      if (route.params.length > 0) console.log(`  params ${JSON.stringify(params)}`)
      const violations: Violation[] = []
      let items: unknown[] = [{ ...mod }]
      if (hasGenerateImageMetadata(mod)) {
        items = await callGenerateImageMetadata(mod, route, params)
        violations.push(...validateImageMetadata(items, { nextVersion, route }))
      }
      const resolved = await resolveImageMetadata(mod, { file: route.file, params, nextVersion })
      for (const [index, image] of resolved.entries()) {
        images++
        // Rendered by the route's own `next/og` import (the installed Next); see docs/contract.md.
        const rendered = await renderImageRoute(mod, { file: route.file, params, ...(image.id !== undefined && { id: image.id }), nextVersion })
        const declared = image.sizes ?? (image.width ? `${image.width}x${image.height}` : 'no size')
        console.log(
          `    ${image.url}  ${dim(`declares ${image.type} ${declared}`)}  ${dim('→ rendered')} ${rendered.contentType} ${rendered.width}x${rendered.height}`,
        )
        violations.push(...checkRenderedImage(items[index], rendered, `[${index}]`))
      }
      console.log(dim('  head tags:'))
      console.log(indent(renderHeadTags(headTags(resolved, route.convention, { nextVersion })), '    '))
      if (violations.length === 0) {
        console.log(`  ${green('✓ conforms')}`)
      } else {
        findings += violations.length
        for (const v of violations) console.log(`  ${red('✗')} ${bold(v.code)} ${dim(v.path)}\n${indent(v.message, '      ')}`)
      }
    }
    if (allParams.length > MAX_PARAMS_SHOWN) console.log(dim(`  … and ${allParams.length - MAX_PARAMS_SHOWN} more param sets`))
  }

  console.log(`\n${bold('Image tags per page')} ${dim('(what Next puts in <head>)')}`)
  for (const page of PAGES) {
    console.log(`\n${cyan('●')} ${bold(page)}`)
    console.log(indent(renderHeadTags(await pageImageTags(appDir, page, { nextVersion, load })), '    '))
  }

  const summary = `${routes.length} image routes, ${images} images, ${findings} finding${findings === 1 ? '' : 's'}`
  console.log(`\n${bold(summary)}${findings > 0 ? dim(' (app/blog/opengraph-image.tsx carries its mistakes on purpose)') : ''}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(red(error instanceof ImgmetaError ? `imgmeta: ${error.message}` : String((error as Error)?.stack ?? error)))
    process.exit(1)
  },
)
