// Issue 19's must-show for the newsletter: a visitor subscribes from the footer, confirms from the
// emailed link, receives an issue a trainer sends to their sector, unsubscribes with one click
// (RFC 8058's POST, as a mail provider sends it), and a second send does not reach them.
import type { Page } from '@playwright/test'
import { expect, test, uniqueEmail, waitForHydration } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

test.describe.configure({ timeout: 240_000 })

/** Opens the newest email to `to` whose subject matches, and returns the first link matching `href`. */
async function linkInEmail(page: Page, to: string, subject: RegExp, href: RegExp) {
	let message: string | null = null
	await expect(async () => {
		await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`)
		message = await page.getByRole('link', { name: subject }).first().getAttribute('href', { timeout: 2000 })
		expect(message).toBeTruthy()
	}).toPass({ timeout: 90_000 })
	await page.goto(message!)
	const url = await page.getByRole('link', { name: href }).first().getAttribute('href')
	expect(url).toBeTruthy()
	return new URL(url!)
}

async function sendIssue(page: Page, subject: string) {
	await page.goto('/studio/newsletters/new')
	await page.getByLabel('Subject').fill(subject)
	await page
		.getByLabel('Newsletter', { exact: true })
		.fill('What changed when a **whole school** started the day in a circle.')
	// The footer's sign-up form has sector boxes too: the issue's own are in the page's main part.
	await page.getByRole('main').getByRole('checkbox', { name: 'Criminal justice' }).check()
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible()
	await page.getByRole('button', { name: 'Send now' }).click()
	await expect(page.getByText('Sending has started.')).toBeVisible()
}

test('a visitor joins the inner circle, gets an issue for their sector, unsubscribes in one click and gets no more', async ({
	page,
	browser,
	a11y,
}) => {
	const email = uniqueEmail('inner-circle')
	await page.goto('/courses')
	// This journey is the in-place (JavaScript) one; the next test covers the form without it.
	await waitForHydration(page, 'footer form')
	const form = page.getByRole('region', { name: 'Join the inner circle' })
	await form.getByRole('button', { name: 'Subscribe' }).click()
	await expect(form.getByLabel('Email for the newsletter')).toBeFocused()
	await expect(form.getByText('Enter your email address').first()).toBeVisible()
	await form.getByLabel('Email for the newsletter').fill(email)
	await form.getByLabel('Your name (optional)').fill('Rhys Morgan')
	await form.getByRole('checkbox', { name: 'Criminal justice' }).check()
	await form.getByRole('button', { name: 'Subscribe' }).click()
	await expect(form.getByText('Check your inbox')).toBeVisible()
	await a11y()

	const confirm = await linkInEmail(page, email, /Confirm you want to join the inner circle/, /\/newsletter\/confirm\//)
	await page.goto(confirm.pathname)
	await a11y()
	await page.getByRole('button', { name: 'Confirm my subscription' }).click()
	await expect(page.getByText('You are subscribed')).toBeVisible()
	// The link works once.
	await page.goto(confirm.pathname)
	await expect(page.getByText('already been used or is not valid')).toBeVisible()

	const trainer = await (await browser.newContext()).newPage()
	await trainer.goto('/login')
	await logInWithDemoTotp(trainer, 'trainer@circle.example')
	const first = `Justice circles ${Date.now()}`
	await sendIssue(trainer, first)
	await a11y(trainer)

	const unsubscribe = await linkInEmail(
		page,
		email,
		new RegExp(`The inner circle: ${first}`),
		/\/newsletter\/unsubscribe\//,
	)
	// What a mail provider does with List-Unsubscribe-Post: a POST with no cookies and this body.
	const response = await page.request.post(unsubscribe.pathname, {
		form: { 'List-Unsubscribe': 'One-Click' },
		maxRedirects: 0,
	})
	expect(response.status()).toBeLessThan(400)
	await page.goto(unsubscribe.pathname)
	await expect(page.getByText('Unsubscribed', { exact: true })).toBeVisible()
	await a11y()

	const second = `Justice circles again ${Date.now()}`
	await sendIssue(trainer, second)
	await trainer.reload()
	// Once the issue is sent (nothing left to send), it has not reached the visitor.
	await expect(async () => {
		await trainer.reload()
		await expect(trainer.getByTestId('progress-toSend')).toHaveText('0', { timeout: 1000 })
	}).toPass({ timeout: 60_000 })
	await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`)
	await expect(page.getByRole('link', { name: new RegExp(first) })).toBeVisible()
	await expect(page.getByRole('link', { name: new RegExp(second) })).toHaveCount(0)
})

test('the footer’s sign-up form puts a bad address’s error beside the field, with JavaScript and without', async ({
	browser,
}) => {
	const message = 'Enter an email address in the correct format, like name@example.org'
	for (const javaScriptEnabled of [true, false]) {
		const context = await browser.newContext({ javaScriptEnabled })
		const page = await context.newPage()
		await page.goto('/courses')
		if (javaScriptEnabled) await waitForHydration(page, 'footer form')
		const footerForm = page.getByRole('contentinfo').getByRole('region', { name: 'Join the inner circle' })
		await footerForm.getByLabel('Email for the newsletter').fill('not-an-address')
		await footerForm.getByLabel('Your name (optional)').fill('Nia')
		await footerForm.getByRole('button', { name: 'Subscribe' }).click()
		// With JavaScript the footer's form answers in place; without, the browser posts to
		// /newsletter/subscribe, whose own form shows the answer.
		const form = javaScriptEnabled
			? footerForm
			: page.getByRole('main').getByRole('region', { name: 'Join the inner circle' })
		if (!javaScriptEnabled) {
			await expect(page).toHaveURL(/\/newsletter\/subscribe$/)
			// That page is the form: the footer does not repeat it.
			await expect(page.getByRole('region', { name: 'Join the inner circle' })).toHaveCount(1)
		}
		const email = form.getByLabel('Email for the newsletter')
		await expect(email).toHaveAttribute('aria-invalid', 'true')
		await expect(email).toHaveAccessibleDescription(`Error: ${message}`)
		await expect(email).toHaveValue('not-an-address')
		await expect(form.getByLabel('Your name (optional)')).toHaveValue('Nia')
		if (javaScriptEnabled) await expect(email).toBeFocused()
		await context.close()
	}
})
