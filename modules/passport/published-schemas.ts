import { recordsJsonSchema, RECORDS_SCHEMA_PATH } from '#modules/reflective-records/export-schema.ts'
import { PASSPORT_SCHEMA_PATH, passportJsonSchema } from './schema.ts'

/** The JSON Schemas Circle publishes in docs/schemas/, each with the zod schema it is generated from. */
export const PUBLISHED_SCHEMAS = [
	{ path: PASSPORT_SCHEMA_PATH, schema: passportJsonSchema },
	{ path: RECORDS_SCHEMA_PATH, schema: recordsJsonSchema },
] as const
