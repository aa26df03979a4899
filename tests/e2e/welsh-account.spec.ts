import { expect, test } from './fixtures.ts'

// Welsh for signing in and the account (ADR 0041): a visitor switches the sign-in page to Welsh, the
// demo Welsh learner signs in with it, and their account pages answer in Welsh, errors included; axe
// passes in Welsh.

// The demo learner who reads Welsh (prisma/seed-welsh.ts) and the demo accounts' password (prisma/seed.ts).
const WELSH_LEARNER = { email: 'dysgwr@circle.example', name: 'Elin Pritchard' }
const DEMO_PASSWORD = 'circle-demo-2026'

test('the sign-in page and the account pages in Welsh', async ({ page, a11y }) => {
	test.setTimeout(180_000)
	await page.goto('/login')
	await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()

	// The header's switcher posts to /language and reloads the page in Welsh.
	await page
		.getByRole('banner')
		.getByRole('button', { name: /^Cymraeg/ })
		.click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	const main = page.getByRole('main')
	await expect(main.getByRole('heading', { level: 1, name: 'Mewngofnodi' })).toBeVisible()
	await expect(main.getByRole('heading', { name: 'Defnyddio eich cyfrif gwaith' })).toBeVisible()
	await expect(main.getByRole('button', { name: 'Mewngofnodi gydag allwedd mynediad' })).toBeVisible()
	await a11y()

	await main.getByLabel('Cyfeiriad e-bost').fill(WELSH_LEARNER.email)
	await main.getByLabel('Cyfrinair').fill(DEMO_PASSWORD)
	await main.getByRole('button', { name: 'Mewngofnodi', exact: true }).click()
	await expect(page).not.toHaveURL(/\/login/)

	await page.goto('/account')
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	await expect(page.getByRole('heading', { level: 1, name: 'Eich cyfrif' })).toBeVisible()
	await expect(page.getByRole('heading', { level: 2, name: 'Eich manylion' })).toBeVisible()
	await expect(page.getByLabel('Enw llawn')).toHaveValue(WELSH_LEARNER.name)
	const tabs = page.getByRole('navigation', { name: 'Cyfrif' })
	await expect(tabs.getByRole('link', { name: 'Diogelwch' })).toBeVisible()
	await a11y()

	// Saving says so in Welsh.
	await page.getByRole('button', { name: 'Cadw’r manylion' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Mae eich manylion wedi’u cadw' })).toBeVisible()

	await tabs.getByRole('link', { name: 'Cyfrinair' }).click()
	await expect(page.getByRole('heading', { level: 2, name: 'Newid eich cyfrinair' })).toBeVisible()
	await expect(page.getByLabel('Cyfrinair presennol')).toBeVisible()
	await a11y()

	// Errors in Welsh (ADR 0045): the schema's, from the browser's own check as the person types, and the
	// server's domain error beside its field. Nothing is changed by a wrong current password.
	const newPassword = page.getByLabel('Cyfrinair newydd', { exact: true })
	await newPassword.fill('byr')
	await newPassword.blur()
	await expect(page.getByText(/Rhaid i['’]r cyfrinair fod yn 10 nod neu fwy/)).toBeVisible()
	await page.getByLabel('Cyfrinair presennol').fill('nid fy nghyfrinair')
	await newPassword.fill('cyfrinair newydd sbon')
	await page.getByLabel('Cadarnhau’r cyfrinair newydd').fill('cyfrinair newydd sbon')
	await page.getByRole('button', { name: 'Newid y cyfrinair' }).click()
	await expect(page.getByText('Mae eich cyfrinair presennol yn anghywir')).toBeVisible()
	await expect(page.getByText('Your current password is incorrect')).toHaveCount(0)
	await a11y()

	await tabs.getByRole('link', { name: 'Nodiadau atgoffa' }).click()
	await expect(page.getByRole('heading', { level: 2, name: 'E-byst atgoffa' })).toBeVisible()
	await a11y()

	// Certificate checks are public pages, in Welsh too.
	await page.goto('/verify')
	await expect(page.getByRole('heading', { level: 1, name: 'Gwirio tystysgrif' })).toBeVisible()
	await page.getByLabel('Rhif y dystysgrif').fill('dim cod')
	await page.getByRole('button', { name: 'Gwirio’r dystysgrif' }).click()
	await expect(page.getByText(/Rhowch rif y dystysgrif fel y mae wedi’i argraffu/)).toBeVisible()
	await expect(page).toHaveTitle(/^Gwall: Gwirio tystysgrif/)
	await a11y()
})
