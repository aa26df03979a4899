import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { loader as messageLoader } from '#app/routes/dev.outbox_.$id.tsx'
import { loader as listLoader } from '#app/routes/dev.outbox.tsx'
import { stopWorker } from '#modules/jobs/worker.ts'
import { sendEmail } from '#modules/mail/send-email.ts'

type ListArgs = Parameters<typeof listLoader>[0]
type MessageArgs = Parameters<typeof messageLoader>[0]

function listArgs(path = '/dev/outbox') {
	return { request: new Request(`http://localhost${path}`), params: {}, context: {} } as unknown as ListArgs
}

function messageArgs(id: string) {
	return {
		request: new Request(`http://localhost/dev/outbox/${id}`),
		params: { id },
		context: {},
	} as unknown as MessageArgs
}

async function statusOfThrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (thrown) {
		if (thrown instanceof Response) return thrown.status
		throw thrown
	}
	throw new Error('expected the loader to throw a response')
}

afterEach(() => {
	process.env.NODE_ENV = 'test'
})

afterAll(async () => {
	await stopWorker({ timeoutMs: 1_000 })
})

describe('/dev/outbox', () => {
	test('lists emails newest first with the time in UK format, and filters by recipient', async () => {
		const to = `outbox-${randomUUID().slice(0, 8)}@example.org`
		const older = await sendEmail({ to, template: 'password-changed', props: { name: 'Jo' } })
		const newer = await sendEmail({
			to,
			template: 'verify-email',
			props: { name: 'Jo', verifyUrl: 'http://localhost:3000/verify-email?token=t' },
		})
		await sendEmail({
			to: `someone-else-${randomUUID().slice(0, 8)}@example.org`,
			template: 'password-changed',
			props: { name: 'Al' },
		})

		const { messages } = await listLoader(listArgs(`/dev/outbox?to=${encodeURIComponent(to.toUpperCase())}`))

		expect(messages.map((m) => m.id)).toEqual([newer.id, older.id])
		expect(messages[0]).toMatchObject({ to, subject: 'Confirm your email address for Circle', status: 'QUEUED' })
		// An instant, which the page writes in UK time in its language (formatDateTime).
		expect(messages[0]?.createdAt).toBe(new Date(messages[0]!.createdAt).toISOString())
	})

	test('does not exist in production', async () => {
		process.env.NODE_ENV = 'production'
		expect(await statusOfThrown(listLoader(listArgs()))).toBe(404)
	})
})

describe('/dev/outbox/:id', () => {
	test('shows the message with its HTML, text and every link in it', async () => {
		const verifyUrl = `http://localhost:3000/verify-email?token=${randomUUID()}`
		const { id } = await sendEmail({
			to: 'links@example.org',
			template: 'verify-email',
			props: { name: 'Amara', verifyUrl },
		})

		const { message, links } = await messageLoader(messageArgs(id))

		expect(message).toMatchObject({ id, to: 'links@example.org', subject: 'Confirm your email address for Circle' })
		expect(message.html).toContain('<html')
		expect(message.text).toContain(verifyUrl)
		expect(links).toEqual([verifyUrl])
	})

	test('answers 404 for a message that does not exist', async () => {
		expect(await statusOfThrown(messageLoader(messageArgs('no-such-message')))).toBe(404)
	})

	test('does not exist in production, even for a real message', async () => {
		const { id } = await sendEmail({ to: 'prod@example.org', template: 'password-changed', props: { name: 'Jo' } })
		process.env.NODE_ENV = 'production'
		expect(await statusOfThrown(messageLoader(messageArgs(id)))).toBe(404)
	})
})
