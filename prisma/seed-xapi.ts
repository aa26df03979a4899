// Demo content for xAPI (docs/decisions/0040-xapi-statements.md): Riverside Academy Trust has an LRS
// set up on /org/riverside-academy-trust/settings/learning-records, switched OFF. No LRS runs beside
// `npm start`, and a switched-on LRS at an address that does not answer would only fill the page with
// retries; an administrator enters their own LRS (or a free test LRS such as SCORM Cloud's) and
// switches it on, then "Test connection" says whether it works. Saved through the audited domain
// function as the trust's owner, so the secret is sealed exactly as a real one. Idempotent.
import { prisma } from '#modules/db/client.ts'
import { saveLrsConnection } from '#modules/xapi/connection.ts'

export const DEMO_LRS = {
	endpoint: 'https://lrs.riverside.example/xapi/',
	authKey: 'circle-riverside',
	// Not a real credential: the example LRS above does not exist.
	authSecret: 'demo-secret-replace-me',
} as const

export async function seedDemoXapi({
	organisationSlug = 'riverside-academy-trust',
}: { organisationSlug?: string } = {}) {
	const organisation = await prisma.organisation.findUnique({
		where: { slug: organisationSlug },
		select: { id: true, lrsConnection: { select: { id: true } } },
	})
	if (!organisation || organisation.lrsConnection) return
	const owner = await prisma.membership.findFirst({
		where: { organisationId: organisation.id, role: 'OWNER' },
		orderBy: { createdAt: 'asc' },
		select: { userId: true },
	})
	if (!owner) return
	await saveLrsConnection({
		organisationId: organisation.id,
		actorId: owner.userId,
		...DEMO_LRS,
		actorFormat: 'MBOX',
		enabled: false,
	})
}
