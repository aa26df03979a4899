// The export formats as plain values: shared by the server and the portfolio page in the browser,
// so this file imports nothing but types.
import type { RegistrationBody } from '#modules/db/client.ts'

/** The layouts a portfolio exports in: one per regulator, and teachers' for everyone else. */
export const EXPORT_FORMATS = ['nmc', 'hcpc', 'swe', 'teacher'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export type ExportPeriod = 'all' | 'cycle'

export const FORMAT_BODY: Record<ExportFormat, RegistrationBody> = {
	nmc: 'NMC',
	hcpc: 'HCPC',
	swe: 'SWE',
	teacher: 'TEACHER',
}

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, { title: string; short: string }> = {
	nmc: { title: 'NMC revalidation: CPD log and reflective accounts', short: 'NMC revalidation' },
	hcpc: { title: 'HCPC CPD profile: record of activities', short: 'HCPC CPD profile' },
	swe: { title: 'Social Work England CPD records', short: 'Social Work England' },
	teacher: { title: 'Professional development record', short: 'Professional development record' },
}

/** The format that suits a registration body: NMC → nmc, HCPC → hcpc, SWE → swe, else teacher. */
export function defaultExportFormat(body: RegistrationBody | null): ExportFormat {
	if (body === 'NMC') return 'nmc'
	if (body === 'HCPC') return 'hcpc'
	if (body === 'SWE') return 'swe'
	return 'teacher'
}

/** A `format` search parameter, or null (the learner's own regulator's layout) when absent or unknown. */
export function parseExportFormat(value: string | null | undefined): ExportFormat | null {
	const candidate = value?.trim().toLowerCase() ?? ''
	return (EXPORT_FORMATS as readonly string[]).includes(candidate) ? (candidate as ExportFormat) : null
}

export function parseExportPeriod(value: string | null | undefined): ExportPeriod {
	return value === 'cycle' ? 'cycle' : 'all'
}
