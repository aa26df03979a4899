import { describe, expect, test } from 'vitest'
import { renderEmail } from './render-email.ts'

describe('renderEmail', () => {
	test('verify-email carries the name and the verification link in HTML and text', async () => {
		const verifyUrl = 'http://localhost:3000/verify-email?token=abc123&next=%2Flearn'
		const email = await renderEmail({ template: 'verify-email', props: { name: 'Amara Okafor', verifyUrl } })
		expect(email.subject).toBe('Confirm your email address for Circle')
		// React escapes & in attributes; a mail client reads it back as the same address.
		expect(email.html).toContain(`href="${verifyUrl.replaceAll('&', '&amp;')}"`)
		expect(email.html).toContain('Amara Okafor')
		expect(email.html).toContain('lang="en-GB"')
		expect(email.text).toContain(verifyUrl)
		expect(email.text).toContain('Hello Amara Okafor,')
		expect(email.text).toContain('Circle — CPD for relational and restorative practice')
		expect(email.text).not.toContain('<')
	})

	test('reset-password carries the link and says it lasts one hour and works once', async () => {
		const resetUrl = 'http://localhost:3000/reset-password?token=r3s3t'
		const email = await renderEmail({ template: 'reset-password', props: { name: 'Tom Price', resetUrl } })
		expect(email.subject).toBe('Reset your Circle password')
		expect(email.html).toContain(`href="${resetUrl}"`)
		expect(email.text).toContain(resetUrl)
		expect(email.text).toContain('Hello Tom Price,')
		expect(email.text).toContain('lasts for one hour and can be used once')
	})

	test('password-changed greets the owner and tells them what to do if it was not them', async () => {
		const email = await renderEmail({ template: 'password-changed', props: { name: 'Jo Evans' } })
		expect(email.subject).toBe('Your Circle password has been changed')
		expect(email.html).toContain('Jo Evans')
		expect(email.text).toContain('Hello Jo Evans,')
		expect(email.text).toContain('If you did not, please reset your password')
	})

	test('enquiry-received shows every detail of the enquiry, keeping the line breaks of the message', async () => {
		const email = await renderEmail({
			template: 'enquiry-received',
			props: {
				enquiry: {
					name: 'Priya Shah',
					email: 'priya@riverside.example',
					organisationName: 'Riverside Academy Trust',
					sector: 'HEALTH_SOCIAL_CARE',
					staffCount: 1200,
					message: 'First line of the message.\nSecond line <with> brackets.',
				},
			},
		})
		expect(email.subject).toBe('New enquiry from Priya Shah, Riverside Academy Trust')
		expect(email.html).toContain('href="mailto:priya@riverside.example"')
		expect(email.html).toContain('Second line &lt;with&gt; brackets.')
		for (const part of [
			'Priya Shah',
			'priya@riverside.example',
			'Riverside Academy Trust',
			'Health and social care',
			'1,200',
		]) {
			expect(email.text).toContain(part)
		}
		expect(email.text).toMatch(/First line of the message\.\nSecond line <with> brackets\./)
	})

	test('enquiry-received leaves out the details that were not given', async () => {
		const email = await renderEmail({
			template: 'enquiry-received',
			props: {
				enquiry: { name: 'Lee', email: 'lee@example.org', organisationName: null, sector: null, message: 'Hello' },
			},
		})
		expect(email.subject).toBe('New enquiry from Lee')
		expect(email.text).not.toContain('Organisation')
		expect(email.text).not.toContain('Sector')
		expect(email.text).not.toContain('Number of staff')
	})
})
