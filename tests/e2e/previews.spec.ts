import { course } from '../../prisma/seed-content/foundations.ts'
import { expect, pressPlay, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

// Free taster videos and sector pages (ADR 0044): a visitor, with no account, watches a course's free
// preview from its page, reads a sector page and follows "Talk to us" to the enquiry form, which
// arrives with the sector chosen. axe on every page on the way.

test('a visitor watches a free preview, reads a sector page and talks to us', async ({ page, a11y }) => {
	test.setTimeout(240_000)
	await page.goto(`/courses/${course.slug}`)
	const previews = page.getByRole('region', { name: 'Watch a free preview' })
	await expect(previews).toBeVisible()
	await a11y()

	await previews.getByRole('link', { name: /Welcome: what restorative practice is/ }).click()
	await expect(page).toHaveURL(new RegExp(`/courses/${course.slug}/preview/`))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Welcome: what restorative practice is (and isn't)")
	await pressPlay(page)
	await expect(page.getByRole('heading', { name: 'Transcript' })).toBeVisible()
	await a11y()

	await page.goto('/sectors/schools')
	await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'What changes' })).toBeVisible()
	await a11y()
	await page.getByRole('link', { name: 'Talk to us' }).click()
	await expect(page).toHaveURL(/\/contact\?sector=schools/)
	await expect(page.getByLabel('Sector (optional)')).toHaveValue('SCHOOLS')
	await a11y()

	// The sector page in Welsh.
	await page.goto('/sectors/health-and-social-care')
	await page
		.getByRole('banner')
		.getByRole('button', { name: /^Cymraeg/ })
		.click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	await expect(page.getByRole('heading', { level: 1, name: 'Iechyd a gofal cymdeithasol' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Siaradwch â ni' })).toBeVisible()
	await a11y()
})

test('a standalone free video plays with its transcript, for anyone', async ({ page, a11y }) => {
	test.setTimeout(120_000)
	await page.goto('/watch')
	await page.getByRole('link', { name: 'What working with means' }).click()
	await expect(page).toHaveURL(/\/watch\/what-working-with-means$/)
	await pressPlay(page)
	await expect(page.getByText(/Working with people is the fourth way/)).toBeVisible()
	await a11y()
})

test('a trainer chooses a course’s free previews in the studio', async ({ page, a11y }) => {
	test.setTimeout(180_000)
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')
	await page.goto('/studio')
	await page.getByRole('link', { name: course.title }).first().click()
	await page.getByRole('navigation', { name: 'Course studio' }).getByRole('link', { name: 'Free previews' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Free previews' })).toBeVisible()
	const first = page.getByRole('checkbox', { name: /Welcome: what restorative practice is/ })
	await expect(first).toBeChecked()
	await a11y()
	await page.getByRole('button', { name: 'Save free previews' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'The free previews are saved.' })).toBeVisible()
})

test('every sector page, the video list and the studio’s video page pass axe', async ({ page, a11y }) => {
	test.setTimeout(180_000)
	for (const path of ['/sectors', '/sectors/criminal-justice', '/sectors/parents-and-carers', '/watch']) {
		await page.goto(path)
		await a11y()
	}
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')
	await page.goto('/studio/videos')
	await expect(page.getByRole('heading', { level: 1, name: 'Public videos' })).toBeVisible()
	await a11y()
})
