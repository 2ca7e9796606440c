// A module of its own, light enough for the vitest plugin to import while the config loads.

/**
 * The environment variable that turns strictCss on for every render that does not set it (`1`): how the
 * `strictCss` of imgmeta.config.ts, the vitest plugin and `--strict-css` reach route files, which call
 * ImageResponse without imgmeta's options.
 */
export const STRICT_CSS_ENV = 'IMGMETA_STRICT_CSS'
