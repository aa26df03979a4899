import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

// The studio's Welsh editor (ADR 0041): the demo trainer opens the Cymraeg tab of the foundations
// course, whose published version has the demo's Welsh (prisma/seed-welsh.ts). The published Welsh
// is read-only; a draft starts with a copy of it, and a lesson's Welsh title saved there is kept.

test.setTimeout(180_000)

async function studioCoursePath(page: Page, title: string) {
	await page.goto('/studio')
	const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href')
	expect(href).toMatch(/^\/studio\/courses\/[a-z0-9]+$/)
	return href!
}

test('a trainer writes a lesson’s Welsh title in the draft, saves it and finds it kept', async ({ page, a11y }) => {
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')
	await expect(page).toHaveURL(/\/dashboard/)
	const coursePath = await studioCoursePath(page, 'Restorative Practice Foundations')
	await page.goto(coursePath)
	await page.getByRole('navigation', { name: 'Course studio' }).getByRole('link', { name: /Cymraeg/ }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Welsh version' })).toBeVisible()

	if (await page.getByText(/Version \d+ is published/).isVisible()) {
		// The published version: its Welsh is shown, nothing can be typed.
		await expect(page.getByText('Sylfeini Ymarfer Adferol').first()).toBeVisible()
		await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0)
		await a11y()
		await page.goto(coursePath)
		await page.getByRole('button', { name: 'Start a new draft' }).click()
		await expect(page.getByRole('status').filter({ hasText: /Draft version \d+ started/ })).toBeVisible()
		await page.goto(`${coursePath}/welsh`)
	}

	// The draft starts with the published version's Welsh.
	await expect(page.getByLabel('Course title in Welsh')).toHaveValue('Sylfeini Ymarfer Adferol')
	await expect(page.getByText(/\d+ of \d+ texts in Welsh/).first()).toBeVisible()
	await a11y()

	await page.getByRole('region', { name: 'Lessons' }).getByRole('link').first().click()
	await expect(page.getByRole('heading', { level: 1, name: /^Welsh:/ })).toBeVisible()
	const title = page.getByLabel('Lesson title in Welsh')
	const welsh = `Croeso i ymarfer adferol ${Date.now().toString(36)}`
	await title.fill(welsh)
	await page.getByRole('button', { name: 'Save Welsh' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Welsh saved' })).toBeVisible()
	// The confirmation takes focus, so that it is heard where the form was.
	await expect(page.getByText(/Texts on this page with Welsh: \d+ of \d+/)).toBeFocused()
	await a11y()

	await page.reload()
	await expect(page.getByLabel('Lesson title in Welsh')).toHaveValue(welsh)

	// An over-long title is refused beside its field, and nothing is saved.
	await page.getByLabel('Lesson title in Welsh').fill('a'.repeat(501))
	await page.getByRole('button', { name: 'Save Welsh' }).click()
	await expect(page.getByText('This must be 500 characters or fewer')).toBeVisible()
	await expect(page.getByLabel('Lesson title in Welsh')).toHaveAttribute('aria-invalid', 'true')
	await page.reload()
	await expect(page.getByLabel('Lesson title in Welsh')).toHaveValue(welsh)
})
