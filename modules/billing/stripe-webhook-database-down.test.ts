// A webhook that cannot be processed because the database is unreachable must answer 500, so that
// Stripe retries it, and must not be recorded; unlike an event about something nobody knows, which
// is acknowledged. The database is put behind a TCP relay this test can cut, so the failure is a
// real dropped connection, not a mock.
import { connect, createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
// Types only (erased): the modules themselves are imported once the relay is in place.
import type * as AuthTesting from '#tests/factories/auth.ts'
import type * as DbClient from '#modules/db/client.ts'
import type * as Factories from '#tests/factories/learning.ts'
import type * as CreateCheckout from './create-checkout.ts'
import type * as Testing from '#tests/factories/billing.ts'

type Modules = {
	prisma: typeof DbClient.prisma
	createCheckout: typeof CreateCheckout.createCheckout
	factories: typeof Factories
	testing: typeof Testing
	releaseTestResources: typeof AuthTesting.releaseTestResources
}

let relay: Awaited<ReturnType<typeof startRelay>>
let m: Modules
let stopStripe: () => Promise<void>
let fake: Testing.FakeStripe

/** Forwards connections to PostgreSQL until `cut()`, which drops them all and refuses new ones. */
async function startRelay(target: URL) {
	const open = new Set<Socket>()
	let refusing = false
	const server = createServer((client) => {
		if (refusing) return void client.destroy()
		const upstream = connect(Number(target.port || 5432), target.hostname)
		const end = () => {
			client.destroy()
			upstream.destroy()
			open.delete(client)
			open.delete(upstream)
		}
		open.add(client).add(upstream)
		for (const socket of [client, upstream]) {
			socket.on('error', end)
			socket.on('close', end)
		}
		client.pipe(upstream).pipe(client)
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return {
		port: (server.address() as AddressInfo).port,
		cut() {
			refusing = true
			for (const socket of open) socket.destroy()
		},
		restore() {
			refusing = false
		},
		close() {
			for (const socket of open) socket.destroy()
			return new Promise<void>((resolve) => server.close(() => resolve()))
		},
	}
}

beforeAll(async () => {
	const real = new URL(process.env.DATABASE_URL!)
	relay = await startRelay(real)
	const relayed = new URL(real)
	relayed.hostname = '127.0.0.1'
	relayed.port = String(relay.port)
	// Before anything creates the Prisma client, so that every query goes through the relay.
	process.env.DATABASE_URL = relayed.toString()
	m = {
		prisma: (await import('#modules/db/client.ts')).prisma,
		createCheckout: (await import('./create-checkout.ts')).createCheckout,
		factories: await import('#tests/factories/learning.ts'),
		testing: await import('#tests/factories/billing.ts'),
		releaseTestResources: (await import('#tests/factories/auth.ts')).releaseTestResources,
	}
	;({ fake, stop: stopStripe } = await m.testing.useFakeStripe())
})

afterAll(async () => {
	relay.restore()
	await stopStripe()
	await m.releaseTestResources()
	await m.prisma.$disconnect()
	await relay.close()
})

test('with the database down a webhook answers 500 and is not recorded; the retry then fulfils', async () => {
	const { prisma, createCheckout, factories, testing } = m
	const buyer = await factories.createUser()
	const course = await factories.createCourse({ pricePence: 4900, modules: 1 })
	const { orderId } = await createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' })
	const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
	fake.completeSession(order.stripeCheckoutSessionId!, 'paid')
	const event = testing.signedEvent('checkout.session.completed', {
		id: order.stripeCheckoutSessionId!,
		object: 'checkout.session',
	})

	const error = vi.spyOn(console, 'error').mockImplementation(() => {})
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
	try {
		relay.cut()
		expect(await testing.deliver(event)).toMatchObject({ status: 500 })
		expect(error).toHaveBeenCalled()
		// A lost database is not "unknown": nothing was acknowledged.
		expect(warn.mock.calls.flat().join(' ')).not.toContain(event.id)
	} finally {
		relay.restore()
		error.mockRestore()
		warn.mockRestore()
	}
	expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)

	expect(await testing.deliver(event)).toEqual({ status: 200, body: 'OK' })
	expect(await prisma.enrolment.count({ where: { userId: buyer.id, courseId: course.id, status: 'ACTIVE' } })).toBe(1)
	expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1)
})
