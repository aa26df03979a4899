import { course as schools } from '../../prisma/seed-content/schools.ts'
import { expect, test, uniqueEmail } from './fixtures.ts'

// The purchase pages in Welsh (ADR 0041): the buy page, the demo checkout and the order page read
// Welsh throughout, with the price and the date (a Welsh month) written for a Welsh reader, and axe
// passes on each.

const price = new Intl.NumberFormat('cy-GB', { style: 'currency', currency: 'GBP' }).format(schools.pricePence / 100)

test('a learner buys a course in Welsh through the demo checkout', async ({ page, a11y }) => {
	test.setTimeout(120_000)
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Rhiannon Pritchard')
	await page.getByLabel('Email address').fill(uniqueEmail('prynu'))
	await page.getByLabel('Password').fill('dysgu gyda ein gilydd bob bore')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	// The header's switcher: the choice is saved on the account.
	await page
		.getByRole('banner')
		.getByRole('button', { name: /^Cymraeg/ })
		.click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')

	await page.goto(`/courses/${schools.slug}/buy`)
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Prynu ${schools.title}`)
	await expect(page.getByText('Modd enghreifftiol: does dim taliad yn cael ei gymryd')).toBeVisible()
	await expect(page.getByRole('table', { name: 'Pris fesul sedd' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Creu sefydliad' })).toBeVisible()
	await a11y()

	await page.getByRole('button', { name: `Prynu i mi fy hun — ${price}` }).click()
	await expect(page).toHaveURL(/\/checkout\/demo\//)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Proses dalu enghreifftiol — does dim taliad yn cael ei gymryd',
	)
	await expect(page.getByText('1 lle i chi')).toBeVisible()
	await a11y()

	await page.getByRole('button', { name: `Talu ${price} (enghraifft)` }).click()
	await expect(page).toHaveURL(/\/checkout\/success\?order=/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rydych chi wedi cofrestru')
	const receipt = page.getByRole('region', { name: 'Derbynneb' })
	await expect(receipt).toContainText('Talwyd ar')
	await expect(receipt).toContainText(
		new Intl.DateTimeFormat('cy-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'Europe/London',
		}).format(new Date()),
	)
	await a11y()
	await page.screenshot({ path: 'test-results/welsh-checkout-success.png', fullPage: true })
})
