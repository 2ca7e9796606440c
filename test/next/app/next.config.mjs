// Fixture app for the differential test against real Next builds. Type checking is left to imgmeta's own
// `tsc` run: the build only needs to compile and serve, and skipping it keeps builds fast on every Next major.
/** @type {import('next').NextConfig} */
const config = {
  typescript: { ignoreBuildErrors: true },
  ...(process.env.IMGMETA_TURBOPACK_ROOT ? { turbopack: { root: process.env.IMGMETA_TURBOPACK_ROOT } } : {}),
}

export default config
