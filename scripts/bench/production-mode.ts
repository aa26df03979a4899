/**
 * Imported first by scripts that serve the production build in their own process (profile-page.ts):
 * React and React DOM choose their production or development build from `process.env.NODE_ENV` when
 * first imported, and the development build does several times the work per element (key warnings,
 * property validation, owner stacks). Without this, a profile measures code no user ever runs.
 */
// eslint-disable-next-line no-restricted-properties -- sets the mode for the libraries, read by none of ours
process.env.NODE_ENV = 'production'
