export const posts = [
  { locale: 'en', slug: 'hello', title: 'Hello' },
  { locale: 'de', slug: 'hallo', title: 'Hallo' },
]
