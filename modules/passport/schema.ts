import { z } from 'zod'
import { ExportedRecordSchema } from '#modules/reflective-records/export-schema.ts'

// The CPD passport's passport.json: the whole of a learner's record, for another employer or system
// to read. This zod schema is the one definition: buildPassport parses its output with it, and
// docs/schemas/cpd-passport.schema.json is generated from it (npm run schemas:write), with a test
// that fails when the file is stale. The published schema is closed (additionalProperties false), so
// a reader can trust it names every field: bump PASSPORT_VERSION when a field is added, changes
// meaning or goes.

/** The version of passport.json's shape (and of the published schema's $id). */
export const PASSPORT_VERSION = 1

/** Where the published JSON Schema lives, and the $id it carries. */
export const PASSPORT_SCHEMA_PATH = 'docs/schemas/cpd-passport.schema.json'
export const PASSPORT_SCHEMA_ID = `https://circle.example/schemas/cpd-passport-v${PASSPORT_VERSION}.schema.json`

const IsoDate = z.iso.date().describe('A calendar day, YYYY-MM-DD (Europe/London).')
const IsoDateTime = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 in UTC.')
const FilePath = z
	.string()
	.regex(/^[a-z0-9-]+\/[A-Za-z0-9._-]+\.pdf$/)
	.describe('Where the PDF is inside the ZIP, e.g. certificates/CIRC-7KQ2-M9XD-4TPA-Q3HZ.pdf.')

const RegistrationSchema = z.object({
	body: z
		.enum(['NMC', 'HCPC', 'SWE', 'TEACHER', 'OTHER'])
		.describe('NMC, HCPC, Social Work England (SWE), teachers (TEACHER) or another body (OTHER).'),
	number: z.string().nullable().describe('The registration number (NMC PIN, HCPC number…) as the learner gave it.'),
	revalidationDate: IsoDate.nullable().describe('Their own NMC revalidation (renewal) date, when set.'),
	cpdCycleStart: IsoDate.nullable(),
})

const CertificateSchema = z.object({
	code: z.string().describe('The certificate number, e.g. CIRC-7KQ2-M9XD-4TPA-Q3HZ.'),
	courseTitle: z.string(),
	versionNumber: z.int().min(1),
	cpdMinutes: z.int().min(0),
	outcomes: z.array(z.string()).describe('The course’s learning outcomes, as printed on the certificate.'),
	completedAt: IsoDateTime,
	issuedAt: IsoDateTime,
	validUntil: IsoDate.nullable().describe('The last day it is valid; null when it does not expire.'),
	status: z.enum(['valid', 'expired', 'revoked']).describe('Where it stood when the passport was made.'),
	revokedAt: IsoDateTime.nullable(),
	verifyUrl: z.url().describe('The public page that checks the certificate (also its QR code).'),
	file: FilePath,
})

const ProgrammeCertificateSchema = z.object({
	code: z.string().describe('The programme certificate number, e.g. PROG-7KQ2-M9XD-4TPA-Q3HZ.'),
	programmeTitle: z.string(),
	courses: z.array(
		z.object({
			title: z.string(),
			versionNumber: z.int().min(1),
			cpdMinutes: z.int().min(0),
			completedAt: z.string(),
			code: z.string().describe('The course certificate number.'),
		}),
	),
	cpdMinutes: z.int().min(0).describe('Listed, never added to the CPD totals: each course made its own entry.'),
	completedAt: IsoDateTime,
	issuedAt: IsoDateTime,
	status: z.enum(['valid', 'revoked']),
	revokedAt: IsoDateTime.nullable(),
	verifyUrl: z.url(),
	file: FilePath,
})

const CpdEntrySchema = z.object({
	id: z.string(),
	source: z
		.enum(['CERTIFICATE', 'MANUAL', 'CIRCLE'])
		.describe('A Circle certificate, an activity the learner recorded, or a reflective circle they attended.'),
	method: z.string().describe('e.g. Online course, Reflective circle, Supervision, Reading.'),
	title: z.string(),
	date: IsoDate,
	minutes: z.int().min(0),
	participatoryMinutes: z.int().min(0).describe('Minutes learnt with other people (the NMC’s participatory CPD).'),
	description: z.string().nullable(),
	reflection: z.string().nullable(),
	impactOnPractice: z.string().nullable(),
	evidence: z.string().nullable(),
	standards: z.array(z.string()),
	certificateCode: z.string().nullable(),
	courseReflections: z
		.array(z.object({ prompt: z.string(), text: z.string() }))
		.describe('What the learner wrote in the course’s reflective prompts (certificate entries).'),
	counts: z.boolean().describe('False for the entry of a revoked certificate: listed, not counted.'),
})

const ReflectiveRecordSchema = ExportedRecordSchema.extend({ file: FilePath })

const CircleAttendanceSchema = z.object({
	circleTitle: z.string(),
	startsAt: IsoDateTime,
	durationMinutes: z.int().min(1),
	mode: z.enum(['ONLINE', 'IN_PERSON']),
	facilitator: z.string().describe('The facilitator’s name.'),
	courseTitle: z.string().nullable(),
	programmeTitle: z.string().nullable(),
	method: z.enum(['REGISTER', 'CODE']).describe('Marked on the register, or checked in with the session’s code.'),
	attendedAt: IsoDateTime,
	cpdEntryId: z.string().nullable().describe('The participatory CPD entry it credited (see cpdEntries).'),
})

/** passport.json, version 1. */
export const PassportSchema = z
	.object({
		format: z.literal('circle-cpd-passport'),
		version: z.literal(PASSPORT_VERSION),
		exportedAt: IsoDateTime,
		person: z.object({
			name: z.string(),
			email: z.string().describe('The address of their Circle account.'),
			profession: z.string().nullable(),
		}),
		registrations: z.array(RegistrationSchema).describe('The professional registrations the learner gave Circle.'),
		totals: z
			.object({
				minutes: z.int().min(0),
				participatoryMinutes: z.int().min(0),
				entries: z.int().min(0),
			})
			.describe('All counted CPD entries, whatever their date.'),
		certificates: z.array(CertificateSchema),
		programmeCertificates: z.array(ProgrammeCertificateSchema),
		cpdEntries: z.array(CpdEntrySchema),
		reflectiveRecords: z.array(ReflectiveRecordSchema),
		circleAttendance: z.array(CircleAttendanceSchema),
		portfolioPdf: FilePath.describe('The CPD portfolio, laid out for the learner’s regulator.'),
	})
	.meta({
		title: 'Circle CPD passport',
		description:
			'A learner’s whole CPD record from Circle: certificates, CPD entries, reflective records with their confirmations, and reflective circles attended. It sits in the passport ZIP as passport.json beside the PDFs it names.',
	})

export type Passport = z.infer<typeof PassportSchema>

/** The published JSON Schema (draft 2020-12) of passport.json, as an object. */
export function passportJsonSchema() {
	return {
		$id: PASSPORT_SCHEMA_ID,
		...z.toJSONSchema(PassportSchema, { target: 'draft-2020-12', io: 'output' }),
	}
}
