import { z } from 'zod'
import { HCPC_ACTIVITY_TYPES } from './hcpc-gaps.ts'

// The shape of records.export.json (exportRecordsJson), as one zod schema: the published JSON Schema
// docs/schemas/reflective-records.schema.json is generated from it (npm run schemas:write), with a
// test that fails when the file is stale. The CPD passport's records reuse ExportedRecordSchema.

/** The version of the JSON export's shape; bump it when a field changes meaning. */
export const RECORDS_EXPORT_VERSION = 1
export const RECORDS_SCHEMA_PATH = 'docs/schemas/reflective-records.schema.json'

const IsoDate = z.iso.date().describe('A calendar day, YYYY-MM-DD (Europe/London).')
const IsoDateTime = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 in UTC.')

const AttestationSchema = z.object({
	name: z.string(),
	email: z.string(),
	date: z.string(),
	pin: z.string().optional().describe('The NMC PIN the discussion partner gave (not checked against the register).'),
	role: z.string().optional(),
	comment: z.string().optional().describe('A mentor’s or line manager’s comment when they signed off a teacher’s record.'),
})

/** One reflective record as the JSON exports give it. */
export const ExportedRecordSchema = z.object({
	id: z.string(),
	kind: z
		.string()
		.describe(
			'The regulator’s form, e.g. NMC_REFLECTIVE_ACCOUNT, NMC_FEEDBACK, NMC_DISCUSSION, SWE_CPD, HCPC_PROFILE, RJC_SUPERVISION, RJC_OBSERVED_PRACTICE, TEACHER_SIGN_OFF.',
		),
	form: z.string().describe('The form’s name in words, e.g. NMC reflective account.'),
	title: z.string(),
	date: IsoDate,
	fields: z.record(z.string(), z.unknown()).describe('The answers, by field name, as the form stores them.'),
	sections: z
		.array(z.object({ key: z.string(), heading: z.string(), text: z.string() }))
		.describe('The same answers under the form’s questions, in the regulator’s order.'),
	confirmation: z
		.object({
			status: z.enum(['invited', 'confirmed']),
			confirmedAt: IsoDateTime.nullable(),
			attestation: AttestationSchema.nullable().describe('What the partner or peer entered when they confirmed.'),
		})
		.nullable()
		.describe('The discussion partner’s or peer’s confirmation; null on a form without one.'),
})

export const RecordsExportSchema = z
	.object({
		format: z.literal('circle-reflective-records'),
		version: z.literal(RECORDS_EXPORT_VERSION),
		exportedAt: IsoDateTime,
		learner: z.object({
			name: z.string(),
			registrationBody: z.enum(['NMC', 'HCPC', 'SWE', 'TEACHER', 'OTHER']).nullable(),
			registrationNumber: z.string().nullable(),
		}),
		records: z.array(ExportedRecordSchema),
		hcpcActivities: z
			.object({
				periodStart: IsoDate,
				periodEnd: IsoDate,
				activities: z.array(
					z.object({
						date: IsoDate,
						title: z.string(),
						type: z.enum(HCPC_ACTIVITY_TYPES),
						source: z.string().describe('Where it came from in Circle, e.g. Course certificate, Reflective circle.'),
						minutes: z.number().int().nullable(),
						evidence: z.string().nullable(),
					}),
				),
				gaps: z.array(
					z.object({
						from: IsoDate,
						to: IsoDate,
						after: z.string().nullable(),
						before: z.string().nullable(),
						months: z.number().int(),
					}),
				),
				types: z.array(z.enum(HCPC_ACTIVITY_TYPES)),
				enoughTypes: z.boolean(),
			})
			.optional()
			.describe(
				'With an HCPC profile: the dated list of every CPD activity over the two years to the export, and each gap of three months or more.',
			),
	})
	.meta({
		title: 'Circle reflective records export',
		description: 'Every reflective record of one learner, on their regulators’ forms, with partners’ confirmations.',
	})

export type RecordsExport = z.infer<typeof RecordsExportSchema>
export type ExportedRecord = z.infer<typeof ExportedRecordSchema>

/** The published JSON Schema (draft 2020-12) of records.export.json. */
export function recordsJsonSchema() {
	return {
		$id: `https://circle.example/schemas/reflective-records-v${RECORDS_EXPORT_VERSION}.schema.json`,
		...z.toJSONSchema(RecordsExportSchema, { target: 'draft-2020-12', io: 'output' }),
	}
}
