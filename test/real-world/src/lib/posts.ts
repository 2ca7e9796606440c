import 'server-only'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { readingMinutes } from 'reading-time-kit'

export interface Post {
  slug: string
  title: string
  date: string
  minutes: number
}

const CONTENT = path.join(process.cwd(), 'content/posts')

function frontmatter(source: string): { data: Record<string, string>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)
  if (!match) return { data: {}, body: source }
  const data = Object.fromEntries(
    match[1]!.split('\n').map((line) => {
      const [key, ...rest] = line.split(':')
      return [key!.trim(), rest.join(':').trim()]
    }),
  )
  return { data, body: match[2]! }
}

export async function getPosts(locale: string): Promise<Post[]> {
  const dir = path.join(CONTENT, locale)
  const files = (await readdir(dir)).filter((file) => file.endsWith('.md')).sort()
  return Promise.all(
    files.map(async (file) => {
      const { data, body } = frontmatter(await readFile(path.join(dir, file), 'utf8'))
      return { slug: file.replace(/\.md$/, ''), title: data.title ?? file, date: data.date ?? '', minutes: readingMinutes(body) }
    }),
  )
}

export async function getPost(locale: string, slug: string): Promise<Post | undefined> {
  return (await getPosts(locale)).find((post) => post.slug === slug)
}
