import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { verificationUrl } from '#modules/certificates/certificate-text.ts'
import { CERTIFICATE_PDF_FIELDS } from '#modules/certificates/queries.ts'
import { renderCertificatePdf } from '#modules/certificates/render-certificate-pdf.ts'
import { certificateStanding } from '#modules/certificates/validity.ts'
import { isoDay, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { exportCpdPdf } from '#modules/portfolio/export-cpd-pdf.ts'
import { getCpdPortfolio } from '#modules/portfolio/get-cpd-portfolio.ts'
import type { ProgrammeCertificateCourse } from '#modules/programmes/complete-programmes.ts'
import {
	programmeVerificationUrl,
	renderProgrammeCertificatePdf,
} from '#modules/programmes/render-programme-certificate-pdf.ts'
import { exportableRecord, renderRecordPdf } from '#modules/reflective-records/export.ts'
import { listRecords } from '#modules/reflective-records/records.ts'
import { type Passport, PASSPORT_VERSION, PassportSchema } from './schema.ts'

/** A PDF the passport ZIP holds: its path inside the ZIP, and how to draw it (only when the ZIP is written). */
export type PassportDocument = { path: string; render: () => Promise<Buffer> }

/** "2026-03-14-nmc-reflective-account-ck9x…": a record's file name, unique by its id. */
function recordPath(record: { id: string; date: string; kind: string }) {
	return `records/${record.date}-${record.kind.toLowerCase().replaceAll('_', '-')}-${record.id}.pdf`
}

/**
 * Everything the CPD passport holds for one learner, read only from their own rows: `passport` is
 * passport.json (parsed with PassportSchema, so it always matches the published schema) and
 * `documents` the PDFs beside it (every course and programme certificate, each reflective record on
 * its regulator's form, and the CPD portfolio laid out for their regulator), drawn lazily so the ZIP
 * can stream them one at a time. `now` is when the passport is made: it dates the file and decides
 * whether a certificate has expired.
 */
export async function buildPassport({ userId, now, baseUrl = appUrl() }: { userId: string; now: Date; baseUrl?: string }) {
	const today = londonToday(now)
	const [user, portfolio, certificates, programmeCertificates, records, attendance] = await Promise.all([
		prisma.user.findUniqueOrThrow({
			where: { id: userId },
			select: {
				name: true,
				email: true,
				profession: true,
				registrationBody: true,
				registrationNumber: true,
				revalidationDate: true,
				cpdCycleStart: true,
			},
		}),
		getCpdPortfolio({ userId, today }),
		prisma.certificate.findMany({
			where: { userId },
			orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
			select: CERTIFICATE_PDF_FIELDS,
		}),
		prisma.programmeCertificate.findMany({
			where: { userId },
			orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
			select: {
				code: true,
				learnerName: true,
				programmeTitle: true,
				courses: true,
				cpdMinutes: true,
				completedAt: true,
				issuedAt: true,
				revokedAt: true,
			},
		}),
		listRecords({ userId }),
		prisma.circleAttendance.findMany({
			where: { userId },
			orderBy: [{ attendedAt: 'asc' }, { id: 'asc' }],
			select: {
				method: true,
				attendedAt: true,
				cpdEntry: { select: { id: true } },
				circle: {
					select: {
						title: true,
						startsAt: true,
						durationMinutes: true,
						mode: true,
						facilitator: { select: { name: true } },
						course: { select: { publishedVersion: { select: { title: true } } } },
						programme: { select: { title: true } },
					},
				},
			},
		}),
	])

	const documents: PassportDocument[] = []
	const portfolioPdf = `portfolio/circle-cpd-portfolio-${today}.pdf`

	const passport: Passport = {
		format: 'circle-cpd-passport',
		version: PASSPORT_VERSION,
		exportedAt: now.toISOString(),
		person: { name: user.name, email: user.email, profession: user.profession },
		registrations: user.registrationBody
			? [
					{
						body: user.registrationBody,
						number: user.registrationNumber,
						revalidationDate: user.revalidationDate ? isoDay(user.revalidationDate) : null,
						cpdCycleStart: user.cpdCycleStart ? isoDay(user.cpdCycleStart) : null,
					},
				]
			: [],
		totals: {
			minutes: portfolio.total.minutes,
			participatoryMinutes: portfolio.total.participatoryMinutes,
			entries: portfolio.total.records,
		},
		certificates: certificates.map((certificate) => {
			const file = `certificates/${certificate.code}.pdf`
			documents.push({ path: file, render: () => renderCertificatePdf({ certificate, baseUrl }) })
			return {
				code: certificate.code,
				courseTitle: certificate.courseTitle,
				versionNumber: certificate.versionNumber,
				cpdMinutes: certificate.cpdMinutes,
				outcomes: certificate.outcomes,
				completedAt: certificate.completedAt.toISOString(),
				issuedAt: certificate.issuedAt.toISOString(),
				validUntil: certificate.validUntil ? isoDay(certificate.validUntil) : null,
				status: certificateStanding(certificate, now),
				revokedAt: certificate.revokedAt?.toISOString() ?? null,
				verifyUrl: verificationUrl({ baseUrl, code: certificate.code }),
				file,
			}
		}),
		programmeCertificates: programmeCertificates.map((row) => {
			const certificate = { ...row, courses: row.courses as ProgrammeCertificateCourse[] }
			const file = `programme-certificates/${certificate.code}.pdf`
			documents.push({ path: file, render: () => renderProgrammeCertificatePdf({ certificate, baseUrl }) })
			return {
				code: certificate.code,
				programmeTitle: certificate.programmeTitle,
				courses: certificate.courses.map(({ title, versionNumber, cpdMinutes, completedAt, code }) => ({
					title,
					versionNumber,
					cpdMinutes,
					completedAt,
					code,
				})),
				cpdMinutes: certificate.cpdMinutes,
				completedAt: certificate.completedAt.toISOString(),
				issuedAt: certificate.issuedAt.toISOString(),
				status: certificate.revokedAt ? ('revoked' as const) : ('valid' as const),
				revokedAt: certificate.revokedAt?.toISOString() ?? null,
				verifyUrl: programmeVerificationUrl({ baseUrl, code: certificate.code }),
				file,
			}
		}),
		cpdEntries: portfolio.entries.map((entry) => ({
			id: entry.id,
			source: entry.source,
			method: entry.method,
			title: entry.title,
			date: entry.date,
			minutes: entry.minutes,
			participatoryMinutes: entry.participatoryMinutes,
			description: entry.description,
			reflection: entry.reflection,
			impactOnPractice: entry.impactOnPractice,
			evidence: entry.evidence,
			standards: entry.standards,
			certificateCode: entry.certificate?.code ?? null,
			courseReflections: entry.courseReflections.map(({ prompt, text }) => ({ prompt, text })),
			counts: entry.counts,
		})),
		reflectiveRecords: records.map((record) => {
			const file = recordPath(record)
			documents.push({
				path: file,
				render: async () => (await renderRecordPdf({ userId, recordId: record.id })).content,
			})
			return { ...exportableRecord(record), file }
		}),
		circleAttendance: attendance.map(({ circle, cpdEntry, method, attendedAt }) => ({
			circleTitle: circle.title,
			startsAt: circle.startsAt.toISOString(),
			durationMinutes: circle.durationMinutes,
			mode: circle.mode,
			facilitator: circle.facilitator.name,
			courseTitle: circle.course?.publishedVersion?.title ?? null,
			programmeTitle: circle.programme?.title ?? null,
			method,
			attendedAt: attendedAt.toISOString(),
			cpdEntryId: cpdEntry?.id ?? null,
		})),
		portfolioPdf,
	}
	documents.push({
		path: portfolioPdf,
		render: async () => (await exportCpdPdf({ userId, period: 'all', today })).content,
	})
	return { passport: PassportSchema.parse(passport), documents, filename: `circle-cpd-passport-${today}.zip` }
}
