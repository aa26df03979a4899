import { expect, test, uniqueEmail } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

const DEMO_PASSWORD = 'circle-demo-2026'

test('a platform admin finds a learner, disables the account and so signs them out everywhere', async ({
	page,
	browser,
	a11y,
}) => {
	// A learner with a session of their own, in another browser.
	const learnerContext = await browser.newContext()
	const learner = await learnerContext.newPage()
	const email = uniqueEmail('suspended')
	const password = 'a long walk on the fells'
	await learner.goto('/signup')
	await learner.getByLabel('Full name').fill('Rhodri Ó Súilleabháin')
	await learner.getByLabel('Email address').fill(email)
	await learner.getByLabel('Password').fill(password)
	await learner.getByRole('button', { name: 'Create account' }).click()
	await expect(learner).toHaveURL(/\/dashboard/)

	await page.goto('/login')
	await logInWithDemoTotp(page, 'admin@circle.example', DEMO_PASSWORD)
	await expect(page).toHaveURL(/\/dashboard/)
	await page.getByRole('banner').getByRole('link', { name: 'Admin' }).first().click()
	await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible()
	await a11y()

	// Every section of the admin area renders and passes axe.
	for (const section of ['Organisations', 'Orders', 'Certificates', 'Enquiries', 'Users']) {
		await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: section }).click()
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		await a11y()
	}

	await page.getByLabel('Name or email').fill(email)
	await page.getByRole('search').getByRole('button').click()
	await page.getByRole('link', { name: 'Rhodri Ó Súilleabháin' }).click()
	await expect(page.getByRole('heading', { level: 1, name: /Rhodri/ })).toBeVisible()
	await a11y()

	const disableForm = page.locator('form', { has: page.getByRole('button', { name: 'Disable account' }) })
	// Too short a reason is refused next to the field, and nothing changes.
	await disableForm.getByLabel('Reason').fill('no')
	await page.getByRole('button', { name: 'Disable account' }).click()
	await expect(disableForm.getByText(/at least 5/i)).toBeVisible()
	await disableForm.getByLabel('Reason').fill('Duplicate account, confirmed with their employer')
	await page.getByRole('button', { name: 'Disable account' }).click()
	await expect(page.getByText(/The account is disabled and 1 signed-in session was ended/)).toBeVisible()
	await expect(page.getByRole('button', { name: 'Enable account' })).toBeVisible()
	await a11y()

	// The learner's session is gone, and they cannot sign in again.
	await learner.goto('/dashboard')
	await expect(learner).toHaveURL(/\/login/)
	await learner.getByLabel('Email address').fill(email)
	await learner.getByLabel('Password').fill(password)
	await learner.getByRole('button', { name: 'Log in' }).click()
	await expect(learner.getByText(/This account has been suspended/)).toBeVisible()
	await learnerContext.close()
})
