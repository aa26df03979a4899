// The messages of both languages, for server-side code (pages rendered on the server, emails, PDFs).
// The browser loads only its own language's file (app/entry.client.tsx).
import cy from './locales/cy/index.ts'
import en from './locales/en/index.ts'
import type { Language } from './languages.ts'

export type Messages = typeof en

/** English defines the namespaces and keys; Welsh must have the same ones (parity.test.ts). */
export const resources: Record<Language, Messages> = { en, cy: cy as Messages }

export type Namespace = keyof Messages

export const NAMESPACES = Object.keys(en) as Namespace[]
