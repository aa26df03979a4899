// Demo content for erasure (docs/decisions/0038-erasure.md): a throwaway learner a visitor may erase
// from /account/erase (demo password), or a platform admin from /admin/users/:id. They are a member
// of the demo trust with a CPD entry of their own, so the erasure has something to remove while the
// trust's member count stands. Idempotent: skipped while the account exists.
import { prisma } from '#modules/db/client.ts'
import { DEMO_ORGANISATION } from './seed.ts'

export const DEMO_ERASABLE = { email: 'erase-me@circle.example', name: 'Robin Throwaway' } as const

export async function seedDemoErasure({ passwordHash, now = new Date() }: { passwordHash: string; now?: Date }) {
	if (await prisma.user.findUnique({ where: { email: DEMO_ERASABLE.email }, select: { id: true } })) return
	const org = await prisma.organisation.findUniqueOrThrow({
		where: { slug: DEMO_ORGANISATION.slug },
		select: { id: true },
	})
	await prisma.user.create({
		data: {
			...DEMO_ERASABLE,
			role: 'LEARNER',
			profession: 'Teaching assistant',
			passwordHash,
			emailVerifiedAt: now,
			memberships: { create: { organisationId: org.id, role: 'MEMBER' } },
			cpdEntries: {
				create: {
					source: 'MANUAL',
					method: 'Reading',
					title: 'Read “Restorative practice in schools”',
					date: now,
					minutes: 90,
					reflection: 'Robin’s own notes: the affective questions work with Year 4.',
				},
			},
		},
		select: { id: true },
	})
}
