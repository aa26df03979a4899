import { expect, logIn, test } from './fixtures.ts'

// The demo learner's data export is ready (prisma/seed-data-export.ts): /account/data says so, and
// asking for a new copy moves focus to the announcement that it is being prepared.
test('a learner sees their data is ready and asks for a new copy', async ({ page, a11y }) => {
	await logIn(page, { email: 'learner@circle.example', password: 'circle-demo-2026' })
	await page.goto('/account/data')
	await expect(page.getByRole('heading', { level: 2, name: 'Your data' })).toBeVisible()
	await expect(page.getByRole('status')).toContainText('Your data is ready')
	await a11y()
	await page.getByRole('button', { name: 'Prepare a new copy of my data' }).click()
	await expect(page.locator('#data-export-status')).toBeFocused()
	await expect(page.getByRole('status')).toContainText('It is being prepared')
	await a11y()
})
