import type { Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { CertificatesError } from '#modules/certificates/errors.ts'
import { satisfyAssignments } from '#modules/assignments/satisfy.ts'
import { onCourseCompleted } from '#modules/programmes/complete-programmes.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import './certificate-attachment.ts'
import { londonCalendarDate, verificationUrl } from './certificate-text.ts'
import { generateCertificateCode } from './code.ts'
import { certificateValidUntil, courseValidityMonths } from './validity.ts'

/** How a certificate's CPD entry describes the activity in the learner's log. */
export const CERTIFICATE_CPD_METHOD = 'Online course (Circle)'

const ISSUED_FIELDS = {
	id: true,
	code: true,
	userId: true,
	enrolmentId: true,
	courseId: true,
	versionId: true,
	learnerName: true,
	courseTitle: true,
	versionNumber: true,
	cpdMinutes: true,
	outcomes: true,
	completedAt: true,
	validUntil: true,
	issuedAt: true,
	revokedAt: true,
} as const

export type IssuedCertificate = {
	id: string
	code: string
	userId: string
	enrolmentId: string
	courseId: string
	versionId: string
	learnerName: string
	courseTitle: string
	versionNumber: number
	cpdMinutes: number
	outcomes: string[]
	completedAt: Date
	validUntil: Date | null
	issuedAt: Date
	revokedAt: Date | null
}

// 80 random bits make a clash between two codes astronomically unlikely; three tries is belt and braces.
const MAX_CODE_ATTEMPTS = 3

/**
 * Issues the one certificate of a completed enrolment, inside the caller's transaction (the one that
 * marked the enrolment complete), and returns it with `issuedNow` telling whether this call made it.
 * The certificate freezes what it says (the learner's name, the course title, version number, CPD
 * minutes, learning outcomes and completion date) so that it can always be re-created as it was. In
 * the same transaction it adds the learner's CPD entry, writes a `certificate.issued` audit entry and
 * queues the email with the PDF attached. Exactly once per enrolment and cycle, however many callers race: the
 * insert is `ON CONFLICT DO NOTHING` on the unique (enrolmentId, cycle) (a failed INSERT would abort the
 * whole PostgreSQL transaction, so a caught unique violation is not an option), and a call that
 * finds the certificate already there returns it and does nothing else. Throws `not_found` for an
 * unknown enrolment, `conflict` (ENROLMENT_NOT_COMPLETE) for one that is not complete and `conflict`
 * (CIRCLE_NOT_ATTENDED) when the course requires a reflective circle the learner has not attended yet;
 * both refusals come before any write, so the caller's transaction can carry on.
 */
export async function issueCertificate({
	tx,
	enrolmentId,
}: {
	tx: Tx
	enrolmentId: string
}): Promise<{ certificate: IssuedCertificate; issuedNow: boolean }> {
	const enrolment = await tx.enrolment.findUnique({
		where: { id: enrolmentId },
		select: {
			id: true,
			userId: true,
			courseId: true,
			versionId: true,
			cycle: true,
			completedAt: true,
			user: { select: { name: true, email: true } },
			course: {
				select: { validityMonths: true, requiresCircle: true, refresherFor: { select: { validityMonths: true } } },
			},
			version: { select: { title: true, number: true, cpdMinutes: true, outcomes: true } },
		},
	})
	if (!enrolment) throw new CertificatesError('not_found', 'ENROLMENT_NOT_FOUND', 'There is no such enrolment.')
	// One certificate per enrolment and cycle: a renewal's retake (restartEnrolment) earns the next.
	const thisCycle = { enrolmentId_cycle: { enrolmentId, cycle: enrolment.cycle } }
	const existing = await tx.certificate.findUnique({ where: thisCycle, select: ISSUED_FIELDS })
	if (existing) return { certificate: existing, issuedNow: false }
	if (!enrolment.completedAt) {
		throw new CertificatesError(
			'conflict',
			'ENROLMENT_NOT_COMPLETE',
			'A certificate is issued only once the course is complete.',
		)
	}

	// A course that asks for a reflective circle waits for one: attending it issues the certificate
	// (modules/circles/attendance.ts calls this function again), and completion leaves it waiting.
	if (enrolment.course.requiresCircle) {
		const attended = await tx.circleAttendance.findFirst({
			where: { userId: enrolment.userId, circle: { courseId: enrolment.courseId } },
			select: { id: true },
		})
		if (!attended) {
			throw new CertificatesError(
				'conflict',
				'CIRCLE_NOT_ATTENDED',
				'This course’s certificate is issued once you have attended one of its reflective circles.',
			)
		}
	}

	let inserted = false
	for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS && !inserted; attempt++) {
		const { count } = await tx.certificate.createMany({
			data: [
				{
					code: generateCertificateCode(),
					userId: enrolment.userId,
					enrolmentId: enrolment.id,
					cycle: enrolment.cycle,
					courseId: enrolment.courseId,
					versionId: enrolment.versionId,
					learnerName: enrolment.user.name,
					courseTitle: enrolment.version.title,
					versionNumber: enrolment.version.number,
					cpdMinutes: enrolment.version.cpdMinutes,
					outcomes: enrolment.version.outcomes,
					completedAt: enrolment.completedAt,
					validUntil: certificateValidUntil(enrolment.completedAt, courseValidityMonths(enrolment.course)),
				},
			],
			// INSERT … ON CONFLICT DO NOTHING: a concurrent issuer's row wins without an error.
			skipDuplicates: true,
		})
		if (count === 1) {
			inserted = true
			break
		}
		// Nothing inserted: either another transaction issued it (it has committed, since our insert
		// waited for it; READ COMMITTED lets this next statement see it), or, once in a blue moon,
		// the random code was taken, and the loop tries a new one.
		const raced = await tx.certificate.findUnique({ where: thisCycle, select: ISSUED_FIELDS })
		if (raced) return { certificate: raced, issuedNow: false }
	}
	if (!inserted) throw new Error(`Could not find a free certificate code for enrolment ${enrolmentId}`)

	const certificate = await tx.certificate.findUniqueOrThrow({ where: thisCycle, select: ISSUED_FIELDS })
	// Every organisation that required this course (or named it as a refresher) sees it met.
	await satisfyAssignments(tx, {
		userId: certificate.userId,
		courseId: certificate.courseId,
		certificateId: certificate.id,
		completedAt: certificate.completedAt,
	})
	// A sequential programme's next course opens; a programme now complete issues its certificate.
	await onCourseCompleted(tx, { userId: certificate.userId, courseId: certificate.courseId })

	await tx.cpdEntry.create({
		data: {
			userId: certificate.userId,
			certificateId: certificate.id,
			source: 'CERTIFICATE',
			method: CERTIFICATE_CPD_METHOD,
			title: certificate.courseTitle,
			// The UK calendar day of completion (a course finished at 00:30 BST belongs to that day).
			date: londonCalendarDate(certificate.completedAt),
			minutes: certificate.cpdMinutes,
			// Self-paced e-learning is done alone: even with reflective quizzes, the NMC counts only
			// learning with other people (workshops, group discussion, supervision) as participatory.
			// Learners who discussed the course with colleagues can add those hours themselves.
			participatoryMinutes: 0,
			standards: [],
		},
		select: { id: true },
	})

	await tx.auditLog.create({
		data: {
			// The learner whose completion triggered it: there is no other human actor.
			actorId: certificate.userId,
			action: 'certificate.issued',
			targetType: 'Certificate',
			targetId: certificate.id,
			details: {
				code: certificate.code,
				enrolmentId: certificate.enrolmentId,
				courseId: certificate.courseId,
				versionId: certificate.versionId,
			},
		},
		select: { id: true },
	})

	const baseUrl = appUrl()
	await sendEmail(
		{
			to: enrolment.user.email,
			template: 'certificate-issued',
			props: {
				name: certificate.learnerName,
				courseTitle: certificate.courseTitle,
				cpdMinutes: certificate.cpdMinutes,
				completedAt: certificate.completedAt,
				validUntil: certificate.validUntil,
				code: certificate.code,
				verifyUrl: verificationUrl({ baseUrl, code: certificate.code }),
				portfolioUrl: `${baseUrl}/cpd`,
			},
			attachments: [{ kind: 'certificate', certificateId: certificate.id }],
		},
		tx,
	)

	return { certificate, issuedNow: true }
}
