import { z } from 'zod'

const schema = z.object({
  SITE_NAME: z.string().min(1),
  NEXT_PUBLIC_SITE_URL: z.string().url(),
  SITE_ACCENT: z.string().regex(/^#[0-9a-f]{6}$/i),
  NODE_ENV: z.enum(['development', 'production', 'test']),
})

const parsed = schema.safeParse(process.env)

if (!parsed.success) {
  throw new Error(`Invalid environment variables: ${JSON.stringify(z.flattenError(parsed.error).fieldErrors)}`)
}

export const env = parsed.data
