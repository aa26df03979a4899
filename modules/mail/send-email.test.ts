import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getBoss } from '#modules/jobs/boss.ts'
import { runQueuedJobs, stopWorker } from '#modules/jobs/worker.ts'
import { decodeQuotedPrintable, type FakeSmtpServer, startFakeSmtpServer } from '#tests/fakes/smtp-server.ts'
import { registerAttachmentResolver } from './attachments.ts'
import { deliverEmail } from './deliver.ts'
import { sendEmail, sendEmailToAdmins } from './send-email.ts'

function uniqueAddress(label: string) {
	return `${label}-${randomUUID().slice(0, 8)}@example.org`
}

async function jobFor(messageId: string) {
	const [job] = await prisma.$queryRaw<
		Array<{ id: string; state: string; retry_limit: number; retry_delay: number; retry_backoff: boolean }>
	>`SELECT id::text, state::text, retry_limit, retry_delay, retry_backoff
		FROM pgboss.job WHERE name = 'send-email' AND data->>'messageId' = ${messageId}`
	return job
}

let smtp: FakeSmtpServer | undefined

beforeEach(async () => {
	delete process.env.SMTP_URL
	// Each test runs only the jobs it queued itself.
	await (await getBoss()).purgeQueue('send-email')
})

afterEach(async () => {
	delete process.env.SMTP_URL
	await smtp?.close()
	smtp = undefined
})

afterAll(async () => {
	await stopWorker({ timeoutMs: 1_000 })
})

describe('sendEmail', () => {
	test('stores the rendered message as QUEUED and queues a send-email job with retries', async () => {
		const to = uniqueAddress('learner')
		const verifyUrl = `http://localhost:3000/verify-email?token=${randomUUID()}`
		const { id } = await sendEmail({ to, template: 'verify-email', props: { name: 'Amara', verifyUrl } })

		const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id } })
		expect(message).toMatchObject({
			to,
			template: 'verify-email',
			subject: 'Confirm your email address for Circle',
			status: 'QUEUED',
			sentAt: null,
		})
		expect(message.text).toContain(verifyUrl)
		expect(message.html).toContain(verifyUrl)

		expect(await jobFor(id)).toMatchObject({ state: 'created', retry_limit: 5, retry_delay: 30, retry_backoff: true })
	})

	test('refuses something that is not an email address', async () => {
		await expect(
			sendEmail({ to: 'not an address', template: 'password-changed', props: { name: 'Jo' } }),
		).rejects.toMatchObject({ code: 'INVALID_EMAIL_ADDRESS', kind: 'invalid' })
	})
})

describe('the send-email job without SMTP_URL (dev outbox)', () => {
	test('marks the message SENT and logs one line pointing at the outbox', async () => {
		const to = uniqueAddress('outbox')
		const { id } = await sendEmail({ to, template: 'password-changed', props: { name: 'Jo' } })
		const lines: string[] = []
		const original = console.log
		console.log = (...args: unknown[]) => void lines.push(args.join(' '))
		try {
			expect(await runQueuedJobs({ name: 'send-email' })).toBe(1)
		} finally {
			console.log = original
		}

		const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id } })
		expect(message.status).toBe('SENT')
		expect(message.sentAt).toBeInstanceOf(Date)
		expect(message.error).toBeNull()
		expect(lines).toEqual([expect.stringMatching(new RegExp(`^\\[mail\\] to=${to} subject=.*/dev/outbox/${id}\\)$`))])
		expect((await jobFor(id))?.state).toBe('completed')
	})
})

describe('the send-email job with SMTP_URL', () => {
	test('delivers the message through SMTP with its subject, link, HTML and text', async () => {
		smtp = await startFakeSmtpServer()
		process.env.SMTP_URL = smtp.url
		const to = uniqueAddress('smtp')
		const resetUrl = `http://localhost:3000/reset-password?token=${randomUUID()}&source=email`
		const { id } = await sendEmail({ to, template: 'reset-password', props: { name: 'Tom', resetUrl } })

		expect(await runQueuedJobs({ name: 'send-email' })).toBe(1)

		expect(smtp.messages).toHaveLength(1)
		const [delivered] = smtp.messages
		expect(delivered?.to).toEqual([to])
		expect(delivered?.from).toBe('no-reply@circle.localhost')
		const raw = decodeQuotedPrintable(delivered!.raw)
		expect(raw).toContain('Subject: Reset your Circle password')
		expect(raw).toContain(resetUrl)
		expect(raw).toContain('Content-Type: text/plain')
		expect(raw).toContain('Content-Type: text/html')
		expect(raw).toContain('Auto-Submitted: auto-generated')

		const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id } })
		expect(message.status).toBe('SENT')
		expect(message.sentAt).toBeInstanceOf(Date)
	})

	test('sends the headers a message was stored with (RFC 8058 one-click unsubscribe) and a Message-ID of its own', async () => {
		smtp = await startFakeSmtpServer()
		process.env.SMTP_URL = smtp.url
		const to = uniqueAddress('headers')
		const unsubscribe = 'http://localhost:3000/unsubscribe/abc123'
		const { id } = await sendEmail({
			to,
			template: 'learning-nudge',
			props: {
				name: 'Tom',
				courseTitle: 'Circles',
				daysAway: 14,
				resumeUrl: 'http://localhost:3000/learn/c',
				unsubscribeUrl: unsubscribe,
			},
			headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
		})
		expect(await runQueuedJobs({ name: 'send-email' })).toBe(1)
		const raw = decodeQuotedPrintable(smtp.messages[0]!.raw)
		expect(raw).toContain(`List-Unsubscribe: <${unsubscribe}>`)
		expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
		// A delivery repeated after a crash carries the same Message-ID, so mail systems can drop the copy.
		expect(raw).toMatch(new RegExp(`Message-ID: <${id}@`, 'i'))
	})

	test('refuses headers it does not manage and values that would inject more', async () => {
		const email = { to: uniqueAddress('bad-header'), template: 'password-changed' as const, props: { name: 'Jo' } }
		await expect(sendEmail({ ...email, headers: { Bcc: 'x@example.org' } })).rejects.toMatchObject({
			code: 'INVALID_EMAIL_HEADER',
		})
		await expect(
			sendEmail({ ...email, headers: { 'List-Unsubscribe': '<http://x>\r\nBcc: x@example.org' } }),
		).rejects.toMatchObject({ code: 'INVALID_EMAIL_HEADER' })
		expect(await prisma.emailMessage.count({ where: { to: email.to } })).toBe(0)
	})

	test('a server that refuses the recipient leaves the message unsent, records why and fails the job for a retry', async () => {
		smtp = await startFakeSmtpServer({ behaviour: 'reject' })
		process.env.SMTP_URL = smtp.url
		const { id } = await sendEmail({ to: uniqueAddress('bounce'), template: 'password-changed', props: { name: 'Jo' } })

		expect(await runQueuedJobs({ name: 'send-email' })).toBe(1)

		const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id } })
		expect(message.status).toBe('QUEUED')
		expect(message.sentAt).toBeNull()
		expect(message.error).toContain('550')
		expect(smtp.messages).toHaveLength(0)
		expect((await jobFor(id))?.state).toBe('retry')
	})

	test('a server that hangs up leaves the message unsent and fails the job for a retry', async () => {
		smtp = await startFakeSmtpServer({ behaviour: 'hang-up' })
		process.env.SMTP_URL = smtp.url
		const { id } = await sendEmail({ to: uniqueAddress('hangup'), template: 'password-changed', props: { name: 'Jo' } })

		expect(await runQueuedJobs({ name: 'send-email' })).toBe(1)

		const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id } })
		expect(message.status).toBe('QUEUED')
		expect(message.error).toBeTruthy()
		expect((await jobFor(id))?.state).toBe('retry')
	})

	test('a failure on the last attempt marks the message FAILED', async () => {
		smtp = await startFakeSmtpServer({ behaviour: 'reject' })
		const { id } = await sendEmail({ to: uniqueAddress('last'), template: 'password-changed', props: { name: 'Jo' } })

		await expect(
			deliverEmail({
				messageId: id,
				isLastAttempt: true,
				settings: { smtpUrl: smtp.url, from: 'Circle <a@b.c>', appUrl: '' },
			}),
		).rejects.toThrow(/550/)

		const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id } })
		expect(message.status).toBe('FAILED')
		expect(message.error).toContain('550')
	})

	test('attachments are built by their registered resolver when the message is delivered', async () => {
		smtp = await startFakeSmtpServer()
		process.env.SMTP_URL = smtp.url
		const certificateId = `cert_${randomUUID().slice(0, 8)}`
		registerAttachmentResolver('certificate', async (descriptor) => ({
			filename: `certificate-${descriptor.certificateId}.pdf`,
			content: Buffer.from('%PDF-1.7 test certificate'),
			contentType: 'application/pdf',
		}))
		const { id } = await sendEmail({
			to: uniqueAddress('cert'),
			template: 'password-changed',
			props: { name: 'Jo' },
			attachments: [{ kind: 'certificate', certificateId }],
		})
		expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).attachments).toEqual([
			{ kind: 'certificate', certificateId },
		])

		await runQueuedJobs({ name: 'send-email' })

		const raw = smtp.messages[0]?.raw ?? ''
		expect(raw).toContain(`filename=certificate-${certificateId}.pdf`)
		expect(raw).toContain('Content-Type: application/pdf')
		expect(raw).toContain(Buffer.from('%PDF-1.7 test certificate').toString('base64'))
	})
})

describe('messages stored inside a transaction', () => {
	test('the job is queued by the transaction itself: no worker sees it before the commit, then it delivers once', async () => {
		let messageId = ''
		await prisma.$transaction(
			async (tx) => {
				messageId = (
					await sendEmail({ to: uniqueAddress('tx'), template: 'password-changed', props: { name: 'Jo' } }, tx)
				).id
				// Neither the message nor its job is visible outside this transaction yet.
				expect(await runQueuedJobs({ name: 'send-email' })).toBe(0)
			},
			{ timeout: 20_000 },
		)
		expect((await jobFor(messageId))?.state).toBe('created')

		expect(await runQueuedJobs({ name: 'send-email' })).toBe(1)
		expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: messageId } })).status).toBe('SENT')
		expect((await jobFor(messageId))?.state).toBe('completed')
	})

	test('a rolled-back message leaves no job behind', async () => {
		let messageId = ''
		await expect(
			prisma.$transaction(async (tx) => {
				messageId = (
					await sendEmail({ to: uniqueAddress('rollback'), template: 'password-changed', props: { name: 'Jo' } }, tx)
				).id
				throw new Error('something else in the transaction failed')
			}),
		).rejects.toThrow('something else')

		expect(await jobFor(messageId)).toBeUndefined()
		expect(await runQueuedJobs({ name: 'send-email' })).toBe(0)
		expect(await prisma.emailMessage.findUnique({ where: { id: messageId } })).toBeNull()
	})
})

describe('sendEmailToAdmins', () => {
	test('sends one message to each active platform admin and none to anyone else', async () => {
		const [first, second, disabled, learner] = [
			uniqueAddress('admin1'),
			uniqueAddress('admin2'),
			uniqueAddress('gone'),
			uniqueAddress('learner'),
		]
		await prisma.user.createMany({
			data: [
				{ email: first, name: 'First Admin', role: 'ADMIN' },
				{ email: second, name: 'Second Admin', role: 'ADMIN' },
				{ email: disabled, name: 'Former Admin', role: 'ADMIN', disabledAt: new Date() },
				{ email: learner, name: 'Learner', role: 'LEARNER' },
			],
		})
		const enquiry = {
			name: 'Priya Shah',
			email: 'priya@example.org',
			organisationName: 'Riverside',
			sector: 'SCHOOLS',
			staffCount: 40,
			message: 'Hello',
		}

		const { ids } = await sendEmailToAdmins({ template: 'enquiry-received', props: { enquiry } })

		const messages = await prisma.emailMessage.findMany({
			where: { id: { in: ids } },
			select: { to: true, subject: true },
		})
		expect(messages.map((m) => m.to).sort()).toEqual(expect.arrayContaining([first, second]))
		expect(messages.map((m) => m.to)).not.toContain(disabled)
		expect(messages.map((m) => m.to)).not.toContain(learner)
		expect(messages.every((m) => m.subject === 'New enquiry from Priya Shah, Riverside')).toBe(true)
		// Other tests' admins may share this database; ours must each have exactly one message.
		expect(messages.filter((m) => m.to === first || m.to === second)).toHaveLength(2)
	})
})
