import { type Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// The demo organisation from prisma/seed.ts: Tom Hughes administers Riverside Academy Trust. Its
// teams and assignments come from the teams lane's demo content; this spec holds what the page
// must do whatever they are: reached from the menu, focus on its heading, accessible at 1280 and
// 320 px, and both downloads.
const ORG = 'riverside-academy-trust'

async function logIn(page: Page) {
	await page.goto('/login')
	await page.getByLabel('Email address').fill('orgadmin@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
}

test('the compliance matrix: from the organisation menu, accessible, filtered to out of date today, and downloaded as CSV and XLSX', async ({
	page,
	a11y,
}) => {
	test.setTimeout(120_000)
	await logIn(page)
	await page.setViewportSize({ width: 1280, height: 900 })
	await page.goto(`/org/${ORG}`)
	await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Compliance' }).click()
	await expect(page).toHaveURL(new RegExp(`/org/${ORG}/compliance$`))
	await expect
		.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText))
		.toBe('Compliance')
	await expect(page.getByRole('heading', { level: 2, name: 'Out of date today' })).toBeVisible()
	await a11y()

	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Out of date today (overdue or expired)' })
	await page.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page).toHaveURL(/status=out-of-date/)
	await a11y()

	const csv = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download CSV (these filters)' }).click()
	const csvFile = await csv
	expect(csvFile.suggestedFilename()).toMatch(new RegExp(`^${ORG}-compliance-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
	const xlsx = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download spreadsheet (these filters)' }).click()
	expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/)

	await page.setViewportSize({ width: 320, height: 800 })
	await page.goto(`/org/${ORG}/compliance`)
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
	).toBeLessThanOrEqual(0)
	await a11y()
})
