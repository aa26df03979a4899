import { parse } from 'csv-parse/sync'
import { OrganisationsError } from '#modules/organisations/errors.ts'

export type InvitationRow = { row: number; email: string; name: string | null }

export const MAX_INVITATIONS_PER_REQUEST = 1000

/**
 * Splits a pasted list of addresses (one per line, or separated by commas or semicolons) into
 * numbered rows. Nothing is validated here: inviteStaff checks each row and reports per row.
 */
export function parsePastedList(text: string): InvitationRow[] {
	return text
		.split(/[\n\r,;]+/)
		.map((part) => part.trim())
		.filter(Boolean)
		.map((email, index) => ({ row: index + 1, email, name: null }))
}

/**
 * Reads an uploaded CSV with a header row: an `email` column (required) and an optional `name`
 * column, in any order and letter case. Row numbers count data rows from 1. A file without an
 * email column, or that is not CSV, is one `invalid` error for the `file` field.
 */
export function parseInvitationCsv(content: string): InvitationRow[] {
	let records: string[][]
	try {
		records = parse(content.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true })
	} catch {
		throw new OrganisationsError('invalid', 'CSV_UNREADABLE', 'The file could not be read as CSV', { field: 'file' })
	}
	const [header, ...rows] = records
	const columns = (header ?? []).map((h) => h.trim().toLowerCase())
	const emailIndex = columns.indexOf('email')
	const nameIndex = columns.indexOf('name')
	if (emailIndex === -1) {
		throw new OrganisationsError(
			'invalid',
			'CSV_NO_EMAIL_COLUMN',
			'The file needs a header row with an “email” column',
			{
				field: 'file',
			},
		)
	}
	if (rows.length > MAX_INVITATIONS_PER_REQUEST) {
		throw new OrganisationsError(
			'invalid',
			'TOO_MANY_ROWS',
			`Invite at most ${MAX_INVITATIONS_PER_REQUEST.toLocaleString('en-GB')} people at a time`,
			{ field: 'file' },
		)
	}
	return rows.map((cells, index) => ({
		row: index + 1,
		email: (cells[emailIndex] ?? '').trim(),
		name: nameIndex === -1 ? null : (cells[nameIndex] ?? '').trim() || null,
	}))
}
