/**
 * Run by modules/organisations/claim-seat-load.test.ts in a process of its own, so that its
 * DATABASE_POOL_SIZE (a small pool) applies: makes a pool of `SEATS` seats, lets `CLAIMS` different
 * people claim at once and prints what each was told, and what the database holds afterwards.
 */
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { createOrganisation, createSeatPool, createUser } from '#tests/factories/organisations.ts'

const seats = Number(process.env.SEATS ?? 10)
const claims = Number(process.env.CLAIMS ?? 50)

const org = await createOrganisation()
const pool = await createSeatPool({ organisationId: org.id, seats })
const users = []
for (let i = 0; i < claims; i++) users.push(await createUser({ name: `Racer ${i}` }))

const started = Date.now()
const answers = await Promise.all(
	users.map((u) =>
		claimSeat({ poolId: pool.id, userId: u.id }).then(
			() => 'SEAT',
			(error: unknown) => (isDomainError(error) ? error.code : `UNEXPECTED ${String(error)}`),
		),
	),
)
const after = await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id }, select: { used: true } })
const summary = {
	answers,
	burstMs: Date.now() - started,
	used: after.used,
	assignments: await prisma.seatAssignment.count({ where: { poolId: pool.id, status: 'ASSIGNED' } }),
	enrolments: await prisma.enrolment.count({ where: { courseId: pool.course.id, source: 'SEAT' } }),
}
await prisma.$disconnect()
console.log(JSON.stringify(summary))
// Modules loaded on the way (the job queue's client) may keep timers; the answer is out, so stop.
process.exit(0)
