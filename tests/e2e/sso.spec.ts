import { type Browser, type Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// The demo organisation from prisma/seed.ts, Riverside Academy Trust, signs in with single sign-on
// against the development identity provider that scripts/start.ts runs (scripts/dev-idp.ts): its
// domain riverside.example is verified, and new people become members with a seat on its schools
// course. Each run signs in a new person, so runs never collide.
const ORG = 'riverside-academy-trust'
const ORG_ADMIN = { email: 'orgadmin@circle.example', password: 'circle-demo-2026' }
const COURSE_TITLE = 'Relational Practice in Schools'

async function setRequireSso(browser: Browser, on: boolean, a11y?: (page: Page) => Promise<void>) {
	const context = await browser.newContext()
	const page = await context.newPage()
	await page.goto('/login')
	await page.getByLabel('Email address').fill(ORG_ADMIN.email)
	await page.getByLabel('Password').fill(ORG_ADMIN.password)
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await page.goto(`/org/${ORG}/settings/sign-in`)
	await expect(page.getByRole('heading', { level: 1, name: 'Sign-in' })).toBeVisible()
	await expect(page.getByRole('cell', { name: 'riverside.example', exact: true })).toBeVisible()
	if (a11y) await a11y(page)
	const box = page.getByLabel('Require single sign-on for our verified domains')
	if (on) await box.check()
	else await box.uncheck()
	await page.getByRole('region', { name: 'Require single sign-on' }).getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('status')).toContainText(on ? 'Single sign-on is now required' : 'no longer required')
	if (a11y) await a11y(page)
	await context.close()
}

test('a new member of an SSO organisation signs in through its provider, lands with a seat and starts the course; once SSO is required their password log-in and reset are refused', async ({
	page,
	browser,
	a11y,
}) => {
	// A long journey (provider sign-in, seat, lesson, then the admin requiring SSO in a second browser).
	test.setTimeout(120_000)
	const email = `sso-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@riverside.example`

	// Home-realm discovery: the work address with no password goes to the organisation's provider.
	await page.goto('/login')
	await expect(page.getByRole('heading', { level: 2, name: 'Use your work account' })).toBeVisible()
	await a11y()
	await page.getByLabel('Email address').fill(email)
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Development identity provider' })).toBeVisible()
	await expect(page.getByLabel(/Work email address/)).toHaveValue(email)
	await a11y()
	await page.getByLabel('Name', { exact: true }).fill('Nia Pritchard')
	await page.getByLabel(/second factor/).check()
	await page.getByRole('button', { name: 'Sign in' }).click()

	// Back in Circle, signed in, with a seat on the organisation's course.
	await expect(page).toHaveURL(/\/dashboard/)
	await expect(page.getByText(COURSE_TITLE).first()).toBeVisible()
	await a11y()
	await page
		.getByRole('link', { name: new RegExp(COURSE_TITLE) })
		.first()
		.click()
	await expect(page).toHaveURL(/\/learn\/relational-practice-in-schools/)
	await a11y()

	// The organisation requires single sign-on from now on.
	await setRequireSso(browser, true, a11y)
	try {
		const context = await browser.newContext()
		const other = await context.newPage()
		await other.goto('/login')
		await other.getByLabel('Email address').fill(email)
		await other.getByLabel('Password').fill('a password they never had')
		await other.getByRole('button', { name: 'Log in' }).click()
		await expect(other.getByText(/Riverside Academy Trust signs you in with single sign-on/)).toBeVisible()
		await a11y(other)

		await other.goto('/forgot-password')
		await other.getByLabel('Email address').fill(email)
		await other.getByRole('button', { name: 'Send me a link' }).click()
		await expect(other.getByText(/Riverside Academy Trust signs you in with single sign-on/)).toBeVisible()
		await a11y(other)

		// The "Sign in with Microsoft" route asks for the work address and goes to the provider too.
		await other.goto('/login')
		await other.getByRole('link', { name: 'Sign in with Microsoft' }).click()
		await expect(other.getByRole('heading', { level: 1, name: 'Sign in with Microsoft' })).toBeVisible()
		await a11y(other)
		await other.getByLabel('Work email address').fill(email)
		await other.getByRole('button', { name: 'Continue' }).click()
		await expect(other.getByRole('heading', { level: 1, name: 'Development identity provider' })).toBeVisible()
		await other.getByRole('button', { name: 'Sign in' }).click()
		await expect(other).toHaveURL(/\/dashboard/)
		await context.close()
	} finally {
		await setRequireSso(browser, false)
	}
})
