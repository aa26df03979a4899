/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { openScriptDatabase } from '#modules/db/script-database.ts'

const { stop } = await openScriptDatabase({ quiet: false })
await stop()
