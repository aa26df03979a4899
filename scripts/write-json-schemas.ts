// Writes the published JSON Schemas in docs/schemas/ from their zod sources (npm run schemas:write).
// modules/passport/json-schemas.test.ts fails when a file here is stale.
import { writeFileSync } from 'node:fs'
import { PUBLISHED_SCHEMAS } from '#modules/passport/published-schemas.ts'

for (const { path, schema } of PUBLISHED_SCHEMAS) {
	writeFileSync(path, `${JSON.stringify(schema(), null, '\t')}\n`)
	console.log(`wrote ${path}`)
}
