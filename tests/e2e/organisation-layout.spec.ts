import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// The demo organisation from prisma/seed.ts: Tom Hughes owns Riverside Academy Trust, with 20 seats
// on Relational Practice in Schools, staff at every stage and completions in recent weeks.
const ORG = 'riverside-academy-trust'
const COURSE = 'relational-practice-in-schools'

async function logIn(page: Page) {
	await page.goto('/login')
	await page.getByLabel('Email address').fill('orgadmin@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
}

/** How far the page scrolls sideways: 0 when everything fits the viewport. */
const sidewaysOverflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('organisation pages: the overview in words, no sideways scrolling at 320 px, and a team report that fits 1280 px', async ({
	page,
	a11y,
}) => {
	test.setTimeout(120_000)
	await logIn(page)

	await page.setViewportSize({ width: 1280, height: 900 })
	await page.goto(`/org/${ORG}`)
	await expect(
		// The seat total is not fixed: other browser tests buy seats for the demo organisation meanwhile.
		page.getByText(/^\d+ (person|people) in your organisation\. \d+ of your \d+ seats are taken, \d+ free\./),
	).toBeVisible()
	await a11y()

	// A client-side navigation: focus on the new page's heading.
	await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Team report' }).click()
	await expect(page).toHaveURL(new RegExp(`/org/${ORG}/report$`))
	await expect
		.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText))
		.toBe('Team report')
	// Every column in view: the table does not scroll, status pills and course names do not break.
	const table = page.getByRole('region', { name: 'Team report for Riverside Academy Trust' })
	await expect(table).toBeVisible()
	expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
	for (const cell of await table.locator('tbody tr td:nth-child(2)').all()) {
		// Three lines at most (a cell's padding is 24 px, a line 20 px).
		expect((await cell.boundingBox())!.height).toBeLessThan(90)
	}
	for (const pill of await table.locator('tbody tr td:nth-child(3) span').all()) {
		expect((await pill.boundingBox())!.height).toBeLessThan(30)
	}
	// The demo organisation's completions make bars, not an empty axis.
	await expect(page.getByRole('img', { name: /Completions per week/ })).toBeVisible()
	await expect(page.locator('figure svg rect')).not.toHaveCount(0)
	await page.screenshot({ path: test.info().outputPath('team-report-1280.png'), fullPage: true })
	await a11y()

	await page.setViewportSize({ width: 320, height: 800 })
	for (const path of [`/org/${ORG}`, `/org/${ORG}/seats/${COURSE}`, `/org/${ORG}/report`, `/org/${ORG}/members`]) {
		await page.goto(path)
		expect(await sidewaysOverflow(page), `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0)
		await page.screenshot({ path: test.info().outputPath(`${path.split('/').pop()}-320.png`), fullPage: true })
		await a11y()
	}
})
