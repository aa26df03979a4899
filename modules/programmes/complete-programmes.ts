// What finishing a course means for the programmes a learner is on: the next course of a sequential
// programme opens, and a programme whose every course is now complete issues its certificate. Runs
// inside the transaction that issues the course certificate (issueCertificate), so the programme
// certificate commits with the course certificate that earned it, or not at all.
import { type prisma, type Tx } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import './programme-certificate-attachment.ts'
import { generateProgrammeCertificateCode } from './code.ts'
import { programmeVerificationUrl } from './render-programme-certificate-pdf.ts'
import { lockProgrammeEnrolment } from './sql.ts'

/** One course as the programme certificate lists it, frozen at issue. */
export type ProgrammeCertificateCourse = {
	title: string
	versionNumber: number
	cpdMinutes: number
	/** ISO 8601 instant the course was completed. */
	completedAt: string
	/** The course certificate's own code, verifiable on its own. */
	code: string
}

/**
 * Called (inside its transaction) whenever a course certificate is issued to `userId` for
 * `courseId`: for each unfinished programme the learner is on that contains the course, opens the
 * next course when the programme is sequential, and issues the programme certificate when every
 * course is complete.
 */
export async function onCourseCompleted(tx: Tx, { userId, courseId }: { userId: string; courseId: string }) {
	const enrolments = await tx.programmeEnrolment.findMany({
		where: { userId, completedAt: null, programme: { courses: { some: { courseId } } } },
		select: { programmeId: true },
	})
	for (const { programmeId } of enrolments) {
		await lockProgrammeEnrolment(tx, { programmeId, userId })
		await openProgrammeCourses(tx, { programmeId, userId })
		await issueProgrammeCertificateIfComplete(tx, { programmeId, userId })
	}
}

/**
 * Opens what the learner may take next: every free course of an open-order programme, or in a
 * sequential one each free course whose predecessor is complete. Opening a free course enrols the
 * learner on it (enrolInCourse, idempotent). A paid course is never opened for nothing: the
 * programme page offers to buy it (programmes are not sold as bundles yet).
 */
export async function openProgrammeCourses(tx: Tx, { programmeId, userId }: { programmeId: string; userId: string }) {
	const progress = await programmeProgress(tx, { programmeId, userId })
	for (const course of progress.courses) {
		if (!course.open || course.completed || course.pricePence > 0 || course.enrolled) continue
		await enrolInCourse({ tx, userId, courseId: course.courseId, source: 'FREE' })
	}
}

export type ProgrammeCourseProgress = {
	courseId: string
	position: number
	pricePence: number
	enrolled: boolean
	/** The learner's latest unrevoked certificate for the course, if any. */
	certificate: { code: string; title: string; versionNumber: number; cpdMinutes: number; completedAt: Date } | null
	completed: boolean
	/** Whether the learner may take it now (false: a sequential programme's earlier course is unfinished). */
	open: boolean
}

/**
 * Where a learner stands on each of a programme's courses. A course counts as complete when the
 * learner holds an unrevoked certificate for it, from any cycle and whenever earned (a course they
 * finished before joining the programme counts).
 */
export async function programmeProgress(
	tx: Tx | typeof prisma,
	{ programmeId, userId }: { programmeId: string; userId: string },
) {
	const programme = await tx.programme.findUniqueOrThrow({
		where: { id: programmeId },
		select: {
			sequential: true,
			courses: {
				orderBy: { position: 'asc' },
				select: {
					position: true,
					course: {
						select: {
							id: true,
							pricePence: true,
							enrolments: { where: { userId, status: 'ACTIVE' }, select: { id: true } },
							certificates: {
								where: { userId, revokedAt: null },
								orderBy: { completedAt: 'desc' },
								take: 1,
								select: { code: true, courseTitle: true, versionNumber: true, cpdMinutes: true, completedAt: true },
							},
						},
					},
				},
			},
		},
	})
	let previousComplete = true
	const courses: ProgrammeCourseProgress[] = programme.courses.map(({ position, course }) => {
		const cert = course.certificates[0]
		const completed = Boolean(cert)
		const open = completed || !programme.sequential || previousComplete
		previousComplete = completed
		return {
			courseId: course.id,
			position,
			pricePence: course.pricePence,
			enrolled: course.enrolments.length > 0,
			certificate: cert
				? {
						code: cert.code,
						title: cert.courseTitle,
						versionNumber: cert.versionNumber,
						cpdMinutes: cert.cpdMinutes,
						completedAt: cert.completedAt,
					}
				: null,
			completed,
			open,
		}
	})
	return { sequential: programme.sequential, courses }
}

/**
 * Issues the learner's programme certificate when every course of the programme is complete, and
 * marks their programme enrolment complete: exactly once, however many callers race (the insert is
 * ON CONFLICT DO NOTHING on the unique programmeEnrolmentId). It freezes the learner's name, the
 * programme's title, each course's certificate in programme order and the total CPD minutes; its
 * completion time is the last course's. Returns the certificate's code, or null when not complete.
 */
export async function issueProgrammeCertificateIfComplete(
	tx: Tx,
	{ programmeId, userId }: { programmeId: string; userId: string },
) {
	const enrolment = await tx.programmeEnrolment.findUnique({
		where: { programmeId_userId: { programmeId, userId } },
		select: { id: true, certificate: { select: { code: true } } },
	})
	if (!enrolment) return null
	if (enrolment.certificate) return enrolment.certificate.code
	const progress = await programmeProgress(tx, { programmeId, userId })
	if (progress.courses.length === 0 || !progress.courses.every((course) => course.completed)) return null

	const certificates = progress.courses.map((course) => course.certificate!)
	const courses: ProgrammeCertificateCourse[] = certificates.map((cert) => ({
		title: cert.title,
		versionNumber: cert.versionNumber,
		cpdMinutes: cert.cpdMinutes,
		completedAt: cert.completedAt.toISOString(),
		code: cert.code,
	}))
	const completedAt = new Date(Math.max(...certificates.map((cert) => cert.completedAt.getTime())))
	const [user, programme] = await Promise.all([
		tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } }),
		tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { title: true, slug: true } }),
	])
	const { count } = await tx.programmeCertificate.createMany({
		data: [
			{
				code: generateProgrammeCertificateCode(),
				userId,
				programmeId,
				programmeEnrolmentId: enrolment.id,
				learnerName: user.name,
				programmeTitle: programme.title,
				courses,
				cpdMinutes: courses.reduce((sum, course) => sum + course.cpdMinutes, 0),
				completedAt,
			},
		],
		// A concurrent issuer's row wins without aborting this transaction.
		skipDuplicates: true,
	})
	const issued = await tx.programmeCertificate.findUniqueOrThrow({
		where: { programmeEnrolmentId: enrolment.id },
		select: { id: true, code: true },
	})
	if (count === 1) {
		await tx.programmeEnrolment.update({ where: { id: enrolment.id }, data: { completedAt }, select: { id: true } })
		await recordAudit(tx, {
			actorId: userId,
			action: 'programme_certificate.issued',
			targetType: 'ProgrammeCertificate',
			targetId: issued.id,
			details: { code: issued.code, programmeId },
		})
		const baseUrl = appUrl()
		await sendEmail(
			{
				to: user.email,
				template: 'programme-certificate-issued',
				props: {
					name: user.name,
					programmeTitle: programme.title,
					courseCount: courses.length,
					cpdMinutes: courses.reduce((sum, course) => sum + course.cpdMinutes, 0),
					completedAt,
					code: issued.code,
					verifyUrl: programmeVerificationUrl({ baseUrl, code: issued.code }),
					programmeUrl: `${baseUrl}/programmes/${programme.slug}`,
				},
				attachments: [{ kind: 'programme-certificate', programmeCertificateId: issued.id }],
			},
			tx,
		)
	}
	return issued.code
}
