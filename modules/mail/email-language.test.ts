// Emails in the recipient's language (ADR 0041): who gets which language, and every template in both.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopWorker } from '#modules/jobs/worker.ts'
import { LANGUAGES } from '#modules/i18n/languages.ts'
import { createTestUser, uniqueEmail } from '#tests/factories/auth.ts'
import { renderEmail } from './render-email.ts'
import { sendEmail } from './send-email.ts'
import { type EmailContent, type EmailTemplateName, emailTemplates } from './templates.ts'

afterAll(async () => {
	await stopWorker({ timeoutMs: 1_000 })
})

async function stored(id: string) {
	return prisma.emailMessage.findUniqueOrThrow({ where: { id }, select: { subject: true, html: true, text: true } })
}

const resetPassword = (name: string): EmailContent => ({
	template: 'reset-password',
	props: { name, resetUrl: 'http://localhost:3000/reset-password?token=t0k3n' },
})

describe('sendEmail writes in the recipient’s language', () => {
	test('a person who chose Welsh gets Welsh, subject and all, at their sign-in address', async () => {
		const user = await createTestUser({ name: 'Siân Jones' })
		await prisma.user.update({ where: { id: user.id }, data: { language: 'cy' } })
		const message = await stored((await sendEmail({ to: user.email, ...resetPassword(user.name) })).id)
		expect(message.subject).toBe('Ailosod eich cyfrinair Circle')
		expect(message.html).toContain('lang="cy-GB"')
		expect(message.text).toContain('Helo Siân Jones,')
		expect(message.text).toContain('Circle — DPP ar gyfer ymarfer perthynol ac adferol')
	})

	test('…and at their personal address, matched whatever its case', async () => {
		const user = await createTestUser()
		const personalEmail = uniqueEmail('personal')
		await prisma.user.update({ where: { id: user.id }, data: { language: 'cy', personalEmail } })
		const { id } = await sendEmail({
			to: personalEmail.toUpperCase(),
			template: 'personal-email',
			props: { name: user.name, verifyUrl: 'http://localhost:3000/account/personal-email?token=x' },
		})
		expect((await stored(id)).subject).toBe('Cadarnhewch eich cyfeiriad e-bost personol ar gyfer Circle')
	})

	test('a person’s saved English wins over the sender’s choice', async () => {
		const user = await createTestUser()
		await prisma.user.update({ where: { id: user.id }, data: { language: 'en' } })
		const { id } = await sendEmail({ to: user.email, language: 'cy', ...resetPassword(user.name) })
		const message = await stored(id)
		expect(message.subject).toBe('Reset your Circle password')
		expect(message.html).toContain('lang="en-GB"')
	})

	test('a person who has not chosen gets the sender’s choice, else English', async () => {
		const user = await createTestUser()
		const undecided = await stored((await sendEmail({ to: user.email, ...resetPassword(user.name) })).id)
		expect(undecided.subject).toBe('Reset your Circle password')
		const { id } = await sendEmail({ to: user.email, language: 'cy', ...resetPassword(user.name) })
		expect((await stored(id)).subject).toBe('Ailosod eich cyfrinair Circle')
	})

	test('someone without an account gets the inviter’s choice of Welsh, or English by default', async () => {
		const invitation: EmailContent = {
			template: 'invitation',
			props: {
				name: null,
				organisationName: 'Ysgol Gynradd Glan-yr-Afon',
				courseTitle: null,
				inviterName: 'Priya Shah',
				acceptUrl: 'http://localhost:3000/invitations/x',
				expiresAt: new Date('2026-12-05T12:00:00Z'),
			},
		}
		const welsh = await stored((await sendEmail({ to: uniqueEmail('invitee'), language: 'cy', ...invitation })).id)
		expect(welsh.subject).toBe('Rydych wedi cael gwahoddiad i ymuno â Ysgol Gynradd Glan-yr-Afon ar Circle')
		expect(welsh.text).toContain('Helo,')
		// The template formats the date in the email's language: callers pass a Date, not English text.
		expect(welsh.text).toContain('5 Rhagfyr 2026')
		expect(welsh.text).not.toContain('December')
		const english = await stored((await sendEmail({ to: uniqueEmail('invitee'), ...invitation })).id)
		expect(english.subject).toBe('You are invited to join Ysgol Gynradd Glan-yr-Afon on Circle')
		expect(english.text).toContain('5 December 2026')
	})
})

// Every template's PreviewProps (its example) rendered in Welsh: after taking out what the caller
// supplied (names, titles, addresses), no English words may be left in the subject or the text.
const ENGLISH_WORDS =
	/\b(the|you|your|and|to|of|is|are|this|that|with|for|has|have|was|will|can|if|it|we|our|please|hello|from|by|not|on|in|or|be|as)\b/gi

// Dates, prices and CPD figures reach a template as Dates and numbers, and the template writes them in
// the email's language (emails/components/format.ts): text formatted in English by the caller would
// leave these in a Welsh email.
const ENGLISH_CALENDAR =
	/\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|UK time|CPD hours?)\b/
const FORMATTED_BY_CALLER =
	/\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b|£\d|\bCPD hours?\b/

type WithPreview = { PreviewProps?: Record<string, unknown> }

function suppliedText(value: unknown): string[] {
	if (typeof value === 'string') return [value]
	if (Array.isArray(value)) return value.flatMap(suppliedText)
	if (value && typeof value === 'object') return Object.values(value).flatMap(suppliedText)
	return []
}

const examples = (Object.keys(emailTemplates) as EmailTemplateName[]).map((template) => {
	const component = emailTemplates[template].component as unknown as WithPreview
	return [template, { template, props: component.PreviewProps ?? {} } as EmailContent] as const
})

describe('every email template in both languages', () => {
	test('every template has an example to render', () => {
		for (const [template, content] of examples) expect(Object.keys(content.props), template).not.toEqual([])
	})

	test.each(examples)('%s: its example passes dates, prices and hours as values, not English text', (_, content) => {
		expect(suppliedText(content.props).filter((value) => FORMATTED_BY_CALLER.test(value))).toEqual([])
	})

	test.each(examples)(
		'%s: the Welsh version has no English left, the English none of the Welsh',
		async (_, content) => {
			const [english, welsh] = await Promise.all(LANGUAGES.map((language) => renderEmail(content, language)))
			expect(english!.html).toContain('lang="en-GB"')
			expect(welsh!.html).toContain('lang="cy-GB"')
			expect(welsh!.subject).not.toBe(english!.subject)
			expect(`${welsh!.subject}\n${welsh!.text}`).not.toMatch(ENGLISH_CALENDAR)
			let rest = `${welsh!.subject}\n${welsh!.text}`
			// Longest first, so that a title is taken out before a name inside it.
			for (const value of suppliedText(content.props).sort((a, b) => b.length - a.length)) {
				rest = rest.replaceAll(value, ' ').replaceAll(value.toUpperCase(), ' ')
			}
			rest = rest.replace(/\S+@\S+|https?:\/\/\S+|\[[^\]]*\]/g, ' ')
			expect(rest.match(ENGLISH_WORDS) ?? [], rest).toEqual([])
			expect(english!.text).not.toContain('Helo')
		},
	)
})
