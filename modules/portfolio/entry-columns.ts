import { dateColumn } from './cpd-dates.ts'
import { invalidEntry } from './entry-errors.ts'
import {
	type CpdEntryInput,
	CpdEntrySchema,
	type CpdReflectionInput,
	CpdReflectionSchema,
	hoursToMinutes,
	mergeStandards,
} from './schemas.ts'

/**
 * The learner's own words and tags, the part of an entry they may always change (a certificate's
 * entry takes only these: its activity, date and hours are the certificate's). Throws `invalid`.
 */
export function reflectionColumns(input: CpdReflectionInput | CpdEntryInput) {
	const parsed = CpdReflectionSchema.safeParse(input)
	if (!parsed.success) invalidEntry(parsed.error)
	const entry = parsed.data
	return {
		description: entry.description,
		reflection: entry.reflection,
		impactOnPractice: entry.impactOnPractice,
		evidence: entry.evidence,
		standards: mergeStandards(entry),
	}
}

/**
 * A hand-made entry's columns from the whole of CpdEntrySchema, the one mapping that creating and
 * editing an entry share. The input is parsed here, whatever its static type; throws `invalid`
 * (naming the field) for bad input.
 */
export function manualEntryColumns(input: unknown) {
	const parsed = CpdEntrySchema.safeParse(input)
	if (!parsed.success) invalidEntry(parsed.error)
	const entry = parsed.data
	return {
		method: entry.method,
		title: entry.title,
		date: dateColumn(entry.date),
		minutes: hoursToMinutes(entry.hours),
		participatoryMinutes: hoursToMinutes(entry.participatoryHours ?? 0),
		description: entry.description,
		reflection: entry.reflection,
		impactOnPractice: entry.impactOnPractice,
		evidence: entry.evidence,
		standards: mergeStandards(entry),
		rjcApproved: entry.rjcApproved ?? false,
	}
}
