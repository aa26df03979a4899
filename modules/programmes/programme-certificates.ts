import { prisma, type Role } from '#modules/db/client.ts'
import { cpdHours, londonIsoDate } from '#modules/certificates/certificate-text.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { normaliseProgrammeCertificateCode } from './code.ts'
import type { ProgrammeCertificateCourse } from './complete-programmes.ts'
import { ProgrammesError } from './errors.ts'
import { renderProgrammeCertificatePdf } from './render-programme-certificate-pdf.ts'

const FIELDS = {
	code: true,
	userId: true,
	learnerName: true,
	programmeTitle: true,
	courses: true,
	cpdMinutes: true,
	completedAt: true,
	issuedAt: true,
	revokedAt: true,
} as const

async function findByCode(input: string) {
	const code = normaliseProgrammeCertificateCode(input)
	const row = code ? await prisma.programmeCertificate.findUnique({ where: { code }, select: FIELDS }) : null
	return { code, row: row ? { ...row, courses: row.courses as ProgrammeCertificateCourse[] } : null }
}

/**
 * A programme certificate's PDF, rendered afresh from its row, for the learner it was issued to and
 * platform admins (`forbidden` for anyone else; `not_found` for an unknown number).
 */
export async function getProgrammeCertificatePdf({
	code: input,
	viewer,
}: {
	code: string
	viewer: { id: string; role: Role }
}) {
	const { row } = await findByCode(input)
	if (!row) throw new ProgrammesError('not_found', 'CERTIFICATE_NOT_FOUND', 'There is no certificate with that number.')
	if (row.userId !== viewer.id && viewer.role !== 'ADMIN') {
		throw new ProgrammesError(
			'forbidden',
			'NOT_YOUR_CERTIFICATE',
			'Only the learner it was issued to can download this certificate.',
		)
	}
	const { userId: _owner, ...certificate } = row
	return {
		filename: `circle-programme-certificate-${row.code}.pdf`,
		content: await renderProgrammeCertificatePdf({ certificate }),
	}
}

/** What anyone may learn from a programme certificate's number: what it says, and whether it stands. */
export type ProgrammeCertificateVerification = {
	code: string
	status: 'valid' | 'revoked' | 'not_found'
	learnerName: string | null
	programmeTitle: string | null
	cpdHours: number | null
	completedOn: string | null
	issuedAt: string | null
	revokedAt: string | null
	courses: Array<{ title: string; versionNumber: number; cpdHours: number; completedOn: string; code: string }>
}

/**
 * Checks a programme certificate number for the public verification page and its JSON twin, under
 * the same per-IP throttle as course certificates; found or not, the answer has the same shape.
 */
export async function verifyProgrammeCertificate({
	code: input,
	ipAddress,
}: {
	code: string
	ipAddress: string
}): Promise<ProgrammeCertificateVerification> {
	await consumeThrottle(
		'verifyPerIp',
		ipAddress,
		'You have checked a lot of certificates in a short time. Please wait a minute and try again.',
	)
	const { code, row } = await findByCode(input)
	if (!row) {
		return {
			code: code ?? input.trim().slice(0, 64),
			status: 'not_found',
			learnerName: null,
			programmeTitle: null,
			cpdHours: null,
			completedOn: null,
			issuedAt: null,
			revokedAt: null,
			courses: [],
		}
	}
	return {
		code: row.code,
		status: row.revokedAt ? 'revoked' : 'valid',
		learnerName: row.learnerName,
		programmeTitle: row.programmeTitle,
		cpdHours: cpdHours(row.cpdMinutes),
		completedOn: londonIsoDate(row.completedAt),
		issuedAt: row.issuedAt.toISOString(),
		revokedAt: row.revokedAt?.toISOString() ?? null,
		courses: row.courses.map((course) => ({
			title: course.title,
			versionNumber: course.versionNumber,
			cpdHours: cpdHours(course.cpdMinutes),
			completedOn: londonIsoDate(new Date(course.completedAt)),
			code: course.code,
		})),
	}
}

/**
 * The learner's own programme certificates for their portfolio, newest first: what each says and
 * whether it stands. Their hours are listed, never added to the portfolio's totals: each course's
 * certificate made its own CPD entry already.
 */
export async function listMyProgrammeCertificates({ userId }: { userId: string }) {
	const rows = await prisma.programmeCertificate.findMany({
		where: { userId },
		orderBy: [{ completedAt: 'desc' }, { id: 'desc' }],
		take: 200,
		select: { code: true, programmeTitle: true, courses: true, cpdMinutes: true, completedAt: true, revokedAt: true },
	})
	return rows.map(({ courses, ...row }) => ({
		...row,
		courseCount: (courses as ProgrammeCertificateCourse[]).length,
	}))
}
