// `import 'server-only'` throws outside React Server Components; image routes run on the server, so checking
// them outside Next must treat it as the no-op it is there.
export {}
