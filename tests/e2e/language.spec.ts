import { expect, logIn, test, uniqueEmail } from './fixtures.ts'

// The header's language switcher (ADR 0041): the page comes back in Welsh, with `lang` set, and the
// choice is remembered; the switcher names the other language in that language.

test('a visitor switches to Welsh and back, and the choice is remembered', async ({ page, a11y }) => {
	await page.goto('/courses')
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
	const header = page.getByRole('banner')
	await header.getByRole('button', { name: /^Cymraeg/ }).click()

	await expect(page).toHaveURL(/\/courses$/)
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	const nav = page.getByRole('navigation', { name: 'Prif ddewislen' })
	await expect(nav.getByRole('link', { name: 'Cyrsiau' })).toBeVisible()
	await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Hygyrchedd' })).toBeVisible()
	await expect(header.getByRole('button', { name: /^English/ })).toHaveAttribute('lang', 'en')
	await a11y()

	// Remembered: another page, and the next visit, are in Welsh too.
	await page.goto('/')
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')

	await header.getByRole('button', { name: /^English/ }).click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' })).toBeVisible()
})

test('a signed-in learner’s choice follows them to a new browser', async ({ page, browser }) => {
	const email = uniqueEmail('iaith')
	const password = 'dysgu gyda ein gilydd bob dydd'
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Cerys Pritchard')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await page
		.getByRole('banner')
		.getByRole('button', { name: /^Cymraeg/ })
		.click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')

	const other = await browser.newContext()
	const second = await other.newPage()
	await logIn(second, { email, password })
	await expect(second.locator('html')).toHaveAttribute('lang', 'cy-GB')
	await expect(
		second.getByRole('navigation', { name: 'Prif ddewislen' }).getByRole('link', { name: 'Fy nysgu' }),
	).toBeVisible()
	await other.close()
})
