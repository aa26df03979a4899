// Demo content for the Restorative Justice Council and teachers' records (ADR 0031), through the real
// module code:
// - a restorative practitioner at Intermediate level (12 hours a year), part-way through the year's CPD
//   with just over half of it RJC-approved, observed practice done, and supervision overdue: their last
//   supervision was 100 days ago, so /cpd/revalidation warns;
// - a secondary teacher with CPD tagged to the Teachers' Standards, one development record their mentor
//   has signed off (with a comment) and one whose sign-off link waits in /dev/outbox.
// The foundations course is marked RJC-approved, so the studio's certificate tab shows the setting.
// Idempotent: each person is skipped once they have any record.
import { setCourseRjcApproval } from '#modules/authoring/rjc-approval.ts'
import { prisma } from '#modules/db/client.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { confirmRecord } from '#modules/reflective-records/confirmations.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { setRjcLevel } from '#modules/reflective-records/rjc.ts'

export const DEMO_RESTORATIVE_PRACTITIONER = {
	email: 'restorative@circle.example',
	name: 'Marcus Bell',
	profession: 'Restorative justice practitioner (youth justice)',
}
export const DEMO_TEACHER = {
	email: 'teacher@circle.example',
	name: 'Amira Haddad',
	profession: 'Secondary English teacher',
}
export const DEMO_MENTOR = { email: 'gareth.owen@riverside.example', name: 'Gareth Owen' }
export const DEMO_LINE_MANAGER = 'helen.carter@riverside.example'

export async function seedRjcAndTeachers({
	passwordHash,
	trainerId,
	today = londonToday(),
}: {
	passwordHash: string
	trainerId: string
	today?: string
}) {
	const ago = (days: number) => addToIsoDate(today, { days: -days })
	const person = (p: { email: string; name: string; profession: string }, registrationBody: 'OTHER' | 'TEACHER') =>
		prisma.user.upsert({
			where: { email: p.email },
			update: {},
			create: { ...p, registrationBody, passwordHash, emailVerifiedAt: new Date() },
			select: { id: true },
		})

	const foundations = await prisma.course.findUnique({
		where: { slug: 'restorative-practice-foundations' },
		select: { id: true },
	})
	if (foundations && !(await prisma.course.count({ where: { id: foundations.id, rjcApproved: true } }))) {
		// Through the module, as the trainer, so the audit log shows it like any other change.
		await setCourseRjcApproval({ courseId: foundations.id, actorId: trainerId, approved: true })
	}

	const practitioner = await person(DEMO_RESTORATIVE_PRACTITIONER, 'OTHER')
	if (!(await prisma.reflectiveRecord.count({ where: { userId: practitioner.id } }))) {
		await setRjcLevel({ userId: practitioner.id, level: 'INTERMEDIATE' })
		for (const input of [
			{
				method: 'Workshop',
				title: 'RJC-approved workshop: facilitating with young people',
				date: ago(210),
				hours: 4,
				participatoryHours: 4,
				rjcApproved: true,
				reflection: 'Shorter preparation meetings, more of them, suit young people better than one long one.',
			},
			{
				method: 'Reading',
				title: 'Reading: shame, pride and repair in restorative conferences',
				date: ago(95),
				hours: 2,
			},
			{
				method: 'Peer discussion',
				title: 'Peer practice group: working with parents in conferences',
				date: ago(40),
				hours: 1.5,
				participatoryHours: 1.5,
			},
		] as const) {
			await createCpdEntry({ userId: practitioner.id, input: { ...input } })
		}
		await createRecord({
			userId: practitioner.id,
			kind: 'RJC_SUPERVISION',
			input: {
				title: 'Case supervision: spring caseload',
				date: ago(190),
				supervisor: 'Dee Hammond',
				supervisionType: 'Case supervision',
				casesDiscussed:
					'A criminal damage case heading for a face-to-face conference, and a case closed after the person harmed chose a letter instead.',
				learning: 'Closing a case well when someone says no is part of the process, not a failure of it.',
				actions: 'Write to both parties when a case closes, saying what happened and what is still open to them.',
			},
		})
		await createRecord({
			userId: practitioner.id,
			kind: 'RJC_SUPERVISION',
			input: {
				title: 'Group supervision with the youth justice team',
				date: ago(100),
				supervisor: 'Dee Hammond',
				supervisionType: 'Group supervision',
				casesDiscussed:
					'Three cases in preparation, described without names: a school assault, a theft from a relative and a neighbour dispute.',
				learning: 'Asking the supporter “what has this been like for you?” brought a parent into the process.',
				actions: 'Offer supporters their own preparation meeting.',
			},
		})
		await createRecord({
			userId: practitioner.id,
			kind: 'RJC_OBSERVED_PRACTICE',
			input: {
				title: 'Observed conference in a school assault case',
				date: ago(150),
				process: 'Restorative conference (face to face)',
				observer: 'Sam Adeyemi',
				observerRole: 'RJC accredited practitioner',
				feedback:
					'Clear opening and ground rules; the person harmed needed more time before the agreement was discussed.',
				learning: 'Silence after the harmed person speaks is part of the process: I moved on too soon.',
				actions: 'Count to ten before moving to the next question.',
			},
		})
	}

	const teacher = await person(DEMO_TEACHER, 'TEACHER')
	if (!(await prisma.reflectiveRecord.count({ where: { userId: teacher.id } }))) {
		for (const input of [
			{
				method: 'Course',
				title: 'INSET: adaptive teaching in mixed-attainment English',
				date: ago(60),
				hours: 3,
				participatoryHours: 3,
				standards: ['TS5 Adapt teaching to pupils’ needs', 'TS4 Plan and teach well-structured lessons'],
			},
			{
				method: 'Workshop',
				title: 'Twilight: restorative conversations after removal from lessons',
				date: ago(30),
				hours: 1.5,
				participatoryHours: 1.5,
				standards: ['TS7 Manage behaviour effectively', 'Part Two Personal and professional conduct'],
			},
		] as const) {
			await createCpdEntry({ userId: teacher.id, input: { ...input, standards: [...input.standards] } })
		}
		const signedOff = await createRecord({
			userId: teacher.id,
			kind: 'TEACHER_SIGN_OFF',
			input: {
				title: 'Check-in circles in Year 8 tutor time',
				date: ago(45),
				activity:
					'A six-week coaching cycle with my mentor on running a short check-in circle at the start of tutor time.',
				standards: ['TS1 Set high expectations', 'TS7 Manage behaviour effectively'],
				pupilImpact:
					'Fewer removals from period 1 after tutor time (from nine in the first half-term to three), and two quiet pupils now speak in circle most weeks.',
				evidence: 'Behaviour log summary; my mentor’s two observation notes.',
				nextSteps: 'Try a circle after a difficult lesson, not only at the start of the day.',
				signerName: DEMO_MENTOR.name,
				signerRole: 'Mentor',
				signerEmail: DEMO_MENTOR.email,
			},
		})
		const message = await prisma.emailMessage.findFirst({
			where: { to: DEMO_MENTOR.email, template: 'confirmation-request' },
			orderBy: { createdAt: 'desc' },
			select: { text: true },
		})
		const token = message?.text.match(/\/confirm\/([a-z2-7]+)/)?.[1]
		if (token) {
			await confirmRecord({
				token,
				recordId: signedOff.id,
				input: {
					name: DEMO_MENTOR.name,
					email: DEMO_MENTOR.email,
					date: ago(40),
					role: 'ECT mentor',
					comment:
						'I saw two of these circles. Pupils arrive at period 1 settled, and Amira now uses the same questions after incidents.',
					agree: 'on',
				},
			})
		}
		await createRecord({
			userId: teacher.id,
			kind: 'TEACHER_SIGN_OFF',
			input: {
				title: 'Questioning in Year 10 poetry lessons',
				date: ago(8),
				activity: 'Lesson study with two colleagues on cold calling and “say it again, better”.',
				standards: ['TS2 Promote good progress', 'TS6 Use assessment well'],
				pupilImpact: 'More pupils answer in full sentences, and I find gaps earlier in the lesson.',
				signerName: 'Helen Carter',
				signerRole: 'Line manager',
				signerEmail: DEMO_LINE_MANAGER,
			},
		})
	}
}
