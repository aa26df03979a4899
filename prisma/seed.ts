import { hash } from '@node-rs/argon2'
import { generateEmailToken, hashToken } from '#modules/auth/tokens.ts'
import {
	type VersionTreeLesson,
	type VersionTreeModule,
	writeVersionTree,
} from '#modules/authoring/write-version-tree.ts'
import { prisma } from '#modules/db/client.ts'
import { encryptSecret } from '#modules/security/encryption.ts'
import { devIdpPort } from '#modules/env/env.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { COMPLETION_TRANSACTION } from '#modules/progress/complete-enrolment.ts'
import { DEMO_TOTP_ACCOUNTS, DEMO_TOTP_SECRET } from './demo-totp.ts'
import { createScimToken, revokeScimToken } from '#modules/scim/tokens.ts'
import { createScimUser, patchScimUser } from '#modules/scim/users.ts'
import { courses } from './seed-content/index.ts'
import type { SeedCourse, SeedLesson } from './seed-content/types.ts'
import { configureDemoSso, devIdpIssuer } from './demo-sso.ts'
import { seedDemoReminders } from './seed-reminders.ts'
import { seedDemoTeams } from './seed-teams.ts'
import { seedValidityDemo } from './seed-validity.ts'
import { seedDemoProgrammes } from './seed-programmes.ts'
import { seedDemoCircles } from './seed-circles.ts'
import { seedDemoCirclesMore } from './seed-circles-more.ts'
import { seedDemoRecords } from './seed-records.ts'
import { seedDemoThemes } from './seed-themes.ts'
import { seedDemoHcpc } from './seed-hcpc.ts'
import { seedRjcAndTeachers } from './seed-rjc-teachers.ts'
import { seedDemoFollowUps } from './seed-follow-ups.ts'
import { finishEnrolmentForDemo } from './demo-completion.ts'
import { seedDemoLeaver } from './seed-passport.ts'
import { seedWelsh } from './seed-welsh.ts'
import { seedDemoDataExport } from './seed-data-export.ts'
import { seedDemoNews } from './seed-news.ts'

/** The password of every demo account; printed by `npm start`. Never used outside demo data. */
export const DEMO_PASSWORD = 'circle-demo-2026'

export const DEMO_ACCOUNTS = [
	{ email: 'learner@circle.example', name: 'Siân Llewellyn-Nowak', role: 'LEARNER', label: 'Learner' },
	{ email: 'trainer@circle.example', name: 'Dr Maya Okafor', role: 'TRAINER', label: 'Trainer' },
	{ email: 'admin@circle.example', name: 'Priya Shah', role: 'ADMIN', label: 'Platform admin' },
	{ email: 'orgadmin@circle.example', name: 'Tom Hughes', role: 'LEARNER', label: 'Organisation admin' },
] as const

export { DEMO_TOTP_ACCOUNTS, DEMO_TOTP_SECRET } from './demo-totp.ts'

export const DEMO_ORGANISATION = { slug: 'riverside-academy-trust', name: 'Riverside Academy Trust' }

/**
 * The short local clip (and its captions) that every demo video lesson plays, so the demo works
 * offline (see public/media/README.md). `durationSeconds` is the file's own length (34.25 s, read
 * from its header; a test keeps the two in step) and `words` are what its narration says, cue by
 * cue as in its captions.
 */
export const DEMO_VIDEO = {
	url: '/media/demo-lesson.mp4',
	captionsUrl: '/media/demo-lesson.en.vtt',
	durationSeconds: 34,
	words: [
		'Welcome to Circle. This short clip stands in for the lesson video while you try the platform.',
		'Relational practice starts with a simple idea: we do our best work with people, not to them or for them.',
		'As you watch, notice a moment this week when you held someone to a high standard and gave them the support to reach it.',
		'Your progress is saved as you go, so you can pause and come back whenever you like.',
		'When the video ends, carry on to the next lesson in the outline.',
	],
} as const

/** Words a minute an adult reads at without hurrying: how long a demo video lesson's script takes. */
const READING_WORDS_PER_MINUTE = 200

/**
 * A demo video lesson's transcript, honest about what plays: a note that the clip is shared and
 * not about this lesson, the clip's own words, then the lesson's script (which its quiz asks about).
 */
export function demoVideoTranscript(script: string) {
	return [
		`Demo clip: every video lesson in Circle's demo plays the same ${DEMO_VIDEO.durationSeconds}-second clip, so the video above is not about this lesson. A real course would show its own recording here.`,
		`What the clip says:\n${DEMO_VIDEO.words.join('\n')}`,
		`The lesson's script (what a recording of this lesson would say, and what its quiz asks about):\n\n${script}`,
	].join('\n\n')
}

/** Minutes a demo video lesson takes: the clip, then reading its script, rounded up to a minute. */
export function demoVideoMinutes(script: string) {
	const words = script.split(/\s+/).filter(Boolean).length
	return Math.ceil((DEMO_VIDEO.durationSeconds + (words / READING_WORDS_PER_MINUTE) * 60) / 60)
}

export { isDatabaseEmpty } from './database-empty.ts'

/**
 * Loads the demo content: five-plus courses, demo accounts for each role and an organisation with
 * seats. Idempotent: accounts and courses that already exist are left as they are.
 */
export async function seedDemo({ log = console.log }: { log?: (line: string) => void } = {}) {
	const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 })
	const users: Record<string, string> = {}
	for (const account of DEMO_ACCOUNTS) {
		const user = await prisma.user.upsert({
			where: { email: account.email },
			update: {},
			create: {
				email: account.email,
				name: account.name,
				role: account.role,
				passwordHash,
				emailVerifiedAt: new Date(),
				profession: account.role === 'LEARNER' ? 'Registered nurse' : null,
				registrationBody: account.role === 'LEARNER' ? 'NMC' : null,
			},
			select: { id: true },
		})
		users[account.email] = user.id
		if (DEMO_TOTP_ACCOUNTS.includes(account.email)) {
			await prisma.totpCredential.upsert({
				where: { userId: user.id },
				update: {},
				create: {
					userId: user.id,
					secretEncrypted: encryptSecret(DEMO_TOTP_SECRET, `totp:${user.id}`),
					confirmedAt: new Date(),
				},
				select: { userId: true },
			})
		}
	}
	const trainerId = users['trainer@circle.example']!

	let created = 0
	for (const course of courses) {
		if (await seedCourse(course, trainerId)) created++
	}

	// Before the demo staff finish the schools course, so their certificates carry its 12 months' validity.
	await seedValidityDemo({ trainerId, seedCourse })

	const org = await prisma.organisation.upsert({
		where: { slug: DEMO_ORGANISATION.slug },
		update: {},
		create: { ...DEMO_ORGANISATION, sector: 'SCHOOLS' },
		select: { id: true },
	})
	await prisma.membership.upsert({
		where: { organisationId_userId: { organisationId: org.id, userId: users['orgadmin@circle.example']! } },
		update: {},
		create: { organisationId: org.id, userId: users['orgadmin@circle.example']!, role: 'OWNER' },
	})
	const schools = await prisma.course.findUnique({
		where: { slug: 'relational-practice-in-schools' },
		select: { id: true },
	})
	if (schools) {
		const pool = await prisma.seatPool.upsert({
			where: { organisationId_courseId: { organisationId: org.id, courseId: schools.id } },
			update: {},
			create: { organisationId: org.id, courseId: schools.id, seats: 20 },
			select: { id: true },
		})
		await seedDemoStaff({ organisationId: org.id, poolId: pool.id, invitedById: users['orgadmin@circle.example']! })
	}
	await seedDemoProvisioning({ organisationId: org.id, ownerId: users['orgadmin@circle.example']! })
	await seedDemoTeams({ organisationId: org.id, ownerId: users['orgadmin@circle.example']!, passwordHash })
	await seedDemoReminders({ organisationId: org.id, ownerId: users['orgadmin@circle.example']! })
	await seedDemoProgrammes({ trainerId })
	await seedDemoCircles({
		trainerId,
		learnerId: users['learner@circle.example']!,
		organisationId: org.id,
		ownerId: users['orgadmin@circle.example']!,
		passwordHash,
	})
	await seedDemoCirclesMore({ organisationId: org.id, ownerId: users['orgadmin@circle.example']! })
	await seedDemoRecords({ userId: users['learner@circle.example']! })
	await seedDemoThemes({ organisationId: org.id, ownerId: users['orgadmin@circle.example']! })
	await seedDemoHcpc({ passwordHash })
	await seedRjcAndTeachers({ passwordHash, trainerId })
	await seedDemoFollowUps({ trainerId, learnerId: users['learner@circle.example']! })
	// The SCIM leaver keeps their record and signs in with a personal address (after seedDemoProvisioning).
	await seedDemoLeaver({ passwordHash })
	await seedWelsh({ passwordHash })
	await seedDemoDataExport({ learnerId: users['learner@circle.example']! })
	await seedDemoNews({ authorId: trainerId })
	await (
		await import('./seed-invoices.ts')
	).seedDemoInvoices({
		organisationId: org.id,
		buyerUserId: users['orgadmin@circle.example']!,
	})
	await (await import('./seed-erasure.ts')).seedDemoErasure({ passwordHash })
	await (await import('./seed-previews.ts')).seedDemoPreviews() // a free preview on every course, two public videos (ADR 0044)
	// Single sign-on against the development identity provider that `npm start` runs (scripts/dev-idp.ts).
	await configureDemoSso({ issuer: devIdpIssuer(devIdpPort()), organisationSlug: DEMO_ORGANISATION.slug })
	await (await import('./seed-xapi.ts')).seedDemoXapi({ organisationSlug: DEMO_ORGANISATION.slug }) // LRS set up, switched off (ADR 0040)
	await (await import('./seed-newsletter.ts')).seedDemoNewsletter({ trainerId }) // the inner circle (ADR 0042)
	log(`Demo content: ${created} new course${created === 1 ? '' : 's'}, ${DEMO_ACCOUNTS.length} demo accounts`)
}

/**
 * Staff of the demo organisation at different points of the schools course, so that its team
 * report, chart and CSV have something to show: two part-way, one not started, six who finished
 * in recent weeks, one invitation not yet accepted. They have no password (they cannot log in). Only on a pool nobody holds a seat in
 * yet, so running the seed again changes nothing.
 */
async function seedDemoStaff({
	organisationId,
	poolId,
	invitedById,
}: {
	organisationId: string
	poolId: string
	invitedById: string
}) {
	if ((await prisma.seatAssignment.count({ where: { poolId } })) > 0) return
	const pool = await prisma.seatPool.findUniqueOrThrow({
		where: { id: poolId },
		select: { course: { select: { publishedVersionId: true } } },
	})
	const lessons = await prisma.lesson.findMany({
		where: { versionId: pool.course.publishedVersionId! },
		orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
		select: { id: true, key: true },
	})
	const DAY = 24 * 60 * 60 * 1000
	const staff = [
		{ email: 'aisha.rahman@riverside.example', name: 'Aisha Rahman', lessonsDone: 2, startedDaysAgo: 12 },
		{ email: 'gareth.evans@riverside.example', name: 'Gareth Evans', lessonsDone: 1, startedDaysAgo: 4 },
		{ email: 'chloe.bennett@riverside.example', name: 'Chloe Bennett', lessonsDone: 0, startedDaysAgo: null },
	]
	for (const person of staff) {
		const user = await prisma.user.upsert({
			where: { email: person.email },
			update: {},
			create: { email: person.email, name: person.name, emailVerifiedAt: new Date() },
			select: { id: true },
		})
		const { assignmentId, enrolmentId } = await claimSeat({ poolId, userId: user.id })
		// Given their seats a fortnight ago, before any of them started.
		await prisma.seatAssignment.update({
			where: { id: assignmentId },
			data: { assignedAt: new Date(Date.now() - 14 * DAY) },
		})
		if (!enrolmentId || person.startedDaysAgo === null) continue
		const startedAt = new Date(Date.now() - person.startedDaysAgo * DAY)
		await prisma.$transaction([
			prisma.lessonProgress.createMany({
				data: lessons.slice(0, person.lessonsDone).map((lesson, i) => ({
					userId: user.id,
					enrolmentId,
					lessonId: lesson.id,
					lessonKey: lesson.key,
					status: 'COMPLETED' as const,
					completedAt: new Date(startedAt.getTime() + i * DAY),
				})),
			}),
			prisma.enrolment.update({
				where: { id: enrolmentId },
				data: { startedAt, lastActivityAt: new Date(startedAt.getTime() + (person.lessonsDone - 1) * DAY) },
			}),
		])
	}
	await seedDemoCompletions({ poolId, lessons })
	await prisma.invitation.create({
		data: {
			organisationId,
			seatPoolId: poolId,
			email: 'sam.morgan@riverside.example',
			tokenHash: hashToken(generateEmailToken()),
			invitedById,
			expiresAt: new Date(Date.now() + 14 * DAY),
		},
	})
}

/**
 * Demo staff who finished the schools course in recent weeks, so that the team report's
 * "Completions per week" chart has bars (and the report has certificates to link to). Each one is
 * completed the way a learner completes it (finishEnrolmentForDemo: every lesson done, every quiz
 * passed, completeEnrolment issuing the certificate), then the dates are moved back to the week it happened.
 */
async function seedDemoCompletions({
	poolId,
	lessons,
}: {
	poolId: string
	lessons: Array<{ id: string; key: string }>
}) {
	const DAY = 24 * 60 * 60 * 1000
	const completers = [
		{ email: 'dylan.price@riverside.example', name: 'Dylan Price', completedDaysAgo: 5 },
		{ email: 'fatima.begum@riverside.example', name: 'Fatima Begum', completedDaysAgo: 17 },
		{ email: 'owen.jones@riverside.example', name: 'Owen Jones', completedDaysAgo: 20 },
		{ email: 'niamh.kelly@riverside.example', name: 'Niamh Kelly', completedDaysAgo: 40 },
		{ email: 'ravi.patel@riverside.example', name: 'Ravi Patel', completedDaysAgo: 44 },
		{ email: 'eleri.thomas@riverside.example', name: 'Eleri Thomas', completedDaysAgo: 66 },
	]
	const kinds = new Map(
		(
			await prisma.lesson.findMany({
				where: { id: { in: lessons.map((l) => l.id) } },
				select: { id: true, kind: true },
			})
		).map((lesson) => [lesson.id, lesson.kind]),
	)
	const lessonsWithKinds = lessons.map((lesson) => ({ ...lesson, kind: kinds.get(lesson.id)! }))
	for (const person of completers) {
		const completedAt = new Date(Date.now() - person.completedDaysAgo * DAY)
		const startedAt = new Date(completedAt.getTime() - 9 * DAY)
		const user = await prisma.user.upsert({
			where: { email: person.email },
			update: {},
			create: { email: person.email, name: person.name, emailVerifiedAt: new Date() },
			select: { id: true },
		})
		const { assignmentId, enrolmentId } = await claimSeat({ poolId, userId: user.id })
		if (!enrolmentId) continue
		await prisma.$transaction(async (tx) => {
			await tx.seatAssignment.update({
				where: { id: assignmentId },
				data: { assignedAt: new Date(startedAt.getTime() - 3 * DAY) },
			})
			await finishEnrolmentForDemo({
				tx,
				userId: user.id,
				enrolmentId,
				lessons: lessonsWithKinds,
				startedAt,
				completedAt,
			})
		}, COMPLETION_TRANSACTION)
	}
}

/**
 * Writes one demo course (version 1, published) unless a course with its slug exists. `slug`
 * overrides the course's own, so tests can load the same content more than once.
 */
export async function seedCourse(course: SeedCourse, trainerId: string, { slug = course.slug } = {}) {
	const existing = await prisma.course.findUnique({ where: { slug }, select: { id: true } })
	if (existing) return null
	return prisma.$transaction(async (tx) => {
		const row = await tx.course.create({
			data: {
				slug,
				pricePence: course.pricePence,
				sectors: course.sectors,
				volumeTiers: course.volumeTiers ?? undefined,
				createdById: trainerId,
				authors: { create: { userId: trainerId, role: 'OWNER' } },
			},
			select: { id: true },
		})
		const version = await tx.courseVersion.create({
			data: {
				courseId: row.id,
				number: 1,
				status: 'PUBLISHED',
				publishedAt: new Date(),
				title: course.title,
				summary: course.summary,
				description: course.description,
				cpdMinutes: course.cpdMinutes,
				outcomes: course.outcomes,
				sequential: course.sequential,
			},
			select: { id: true },
		})
		await writeVersionTree(tx, { versionId: version.id, modules: seedCourseTree(course) })
		await tx.course.update({ where: { id: row.id }, data: { publishedVersionId: version.id } })
		return { courseId: row.id, versionId: version.id }
	})
}

/** A demo course's modules as the plain tree writeVersionTree takes. */
export function seedCourseTree(course: SeedCourse): VersionTreeModule[] {
	return course.modules.map((mod) => ({
		title: mod.title,
		summary: mod.summary,
		lessons: mod.lessons.map(seedLesson),
	}))
}

function seedLesson(lesson: SeedLesson): VersionTreeLesson {
	const base = {
		key: lesson.key,
		kind: lesson.kind,
		title: lesson.title,
		required: true,
		estimatedMinutes: lesson.kind === 'VIDEO' ? demoVideoMinutes(lesson.transcript) : lesson.estimatedMinutes,
		markdown: null,
		videoPlaybackId: null,
		videoSourceUrl: null,
		videoDurationSeconds: null,
		captionsUrl: null,
		transcript: null,
		passMark: null,
		maxAttempts: null,
		questions: [],
	}
	switch (lesson.kind) {
		case 'VIDEO':
			return {
				...base,
				// Every demo video lesson plays the same short clip: its real length is what counts for
				// progress, and the transcript says so before the lesson's own script.
				videoSourceUrl: DEMO_VIDEO.url,
				captionsUrl: DEMO_VIDEO.captionsUrl,
				videoDurationSeconds: DEMO_VIDEO.durationSeconds,
				transcript: demoVideoTranscript(lesson.transcript),
			}
		case 'READING':
			return { ...base, markdown: lesson.markdown }
		case 'QUIZ':
			return {
				...base,
				passMark: lesson.passMark,
				maxAttempts: lesson.maxAttempts,
				questions: lesson.questions.map((q) => {
					const question = {
						kind: q.kind,
						prompt: q.prompt,
						guidance: null,
						explanation: null,
						scaleMin: null,
						scaleMax: null,
						scaleMinLabel: null,
						scaleMaxLabel: null,
						options: [],
					}
					if (q.kind === 'REFLECTION') return { ...question, guidance: q.guidance ?? null }
					if (q.kind === 'SCALE') {
						return {
							...question,
							scaleMin: q.min,
							scaleMax: q.max,
							scaleMinLabel: q.minLabel,
							scaleMaxLabel: q.maxLabel,
						}
					}
					return { ...question, explanation: q.explanation ?? null, options: q.options }
				}),
			}
	}
}

/** The demo organisation's own email domain: its staff's addresses, claimed and verified. */
export const DEMO_ORGANISATION_DOMAIN = 'riverside.example'

/**
 * The demo organisation as its identity provider would have left it: its domain verified, one
 * starter provisioned over SCIM and one leaver provisioned then deactivated, with a token that
 * was used and then revoked. Done through the same functions the SCIM endpoints call, so the
 * audit log at /org/riverside-academy-trust/audit shows real entries. The token itself is never
 * shown (it cannot be: only its hash is kept); the README says how to create one. Only once.
 */
async function seedDemoProvisioning({ organisationId, ownerId }: { organisationId: string; ownerId: string }) {
	await prisma.organisationDomain.upsert({
		where: { organisationId_domain: { organisationId, domain: DEMO_ORGANISATION_DOMAIN } },
		update: {},
		create: {
			organisationId,
			domain: DEMO_ORGANISATION_DOMAIN,
			verificationToken: hashToken(generateEmailToken()).slice(0, 32),
			verifiedAt: new Date(),
			verifiedBy: 'ADMIN',
		},
	})
	if ((await prisma.scimToken.count({ where: { organisationId } })) > 0) return
	const origin = { ipAddress: '192.0.2.10', userAgent: 'Circle demo seed' }
	const { id: tokenId, prefix } = await createScimToken({
		organisationId,
		actorId: ownerId,
		name: 'Entra ID (demo, revoked)',
		origin,
	})
	const now = new Date()
	const call = {
		client: { tokenId, organisationId, tokenPrefix: prefix },
		origin: { ipAddress: '203.0.113.40', userAgent: 'Azure-AD-SCIM-Service/1.0' },
		now,
		baseUrl: '',
	}
	const person = (userName: string, givenName: string, familyName: string) => ({
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
		externalId: crypto.randomUUID(),
		userName,
		active: true,
		displayName: `${givenName} ${familyName}`,
		name: { givenName, familyName },
		emails: [{ value: userName, type: 'work', primary: true }],
	})
	await createScimUser({ ...call, body: person('jamie.lloyd@riverside.example', 'Jamie', 'Lloyd') })
	const leaver = await createScimUser({ ...call, body: person('morgan.hale@riverside.example', 'Morgan', 'Hale') })
	await patchScimUser({
		...call,
		id: leaver.id,
		body: {
			schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
			Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
		},
	})
	await revokeScimToken({ organisationId, tokenId, actorId: ownerId, now, origin })
}
