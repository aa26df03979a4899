// What `zod` is in the browser's build (vite.config.ts resolves the bare specifier here, on the
// client only): zod itself, with jitless parsing switched on before any module that imports zod runs.
// zod 4 compiles object parsers with `new Function` when it can, probing for that ability when an
// object schema is built; Circle's Content-Security-Policy has no 'unsafe-eval', so the probe would be
// reported as a CSP violation on every page with a form. Doing it here, rather than from root.tsx,
// keeps zod out of the pages that build no schema (ADR 0053); the server keeps the compiled parsers.
import { z } from 'zod/v4'

z.config({ jitless: true })

export * from 'zod/v4'
