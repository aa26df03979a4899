import { z } from 'zod'

// zod 4 compiles object parsers with `new Function` when it can, and probes for that ability the
// first time an object schema is built. Circle's Content-Security-Policy has no 'unsafe-eval', so in
// the browser the probe is reported as a CSP violation on every page with a form. Jitless parsing
// is a little slower and never evaluates code. In the browser's build `zod` itself is
// zod-browser.ts, which sets this before any schema is built (vite.config.ts); schema modules still
// import this file first, which also covers any other bundler that builds them. The server keeps the
// compiled parsers.
if (typeof document !== 'undefined') z.config({ jitless: true })
