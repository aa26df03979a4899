import { z } from 'zod'

// zod 4 compiles object parsers with `new Function` when it can, and probes for that ability the
// first time an object schema is built. Circle's Content-Security-Policy has no 'unsafe-eval', so in
// the browser the probe is reported as a CSP violation on every page with a form. Jitless parsing
// is a little slower and never evaluates code. This module must run before any schema is built:
// root.tsx imports it first, and so does every schema module the browser's shared chunks can evaluate before root's own code (the footer's newsletter schemas). The
// server keeps the compiled parsers.
if (typeof document !== 'undefined') z.config({ jitless: true })
