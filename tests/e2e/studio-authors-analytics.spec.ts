import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

async function logIn(page: Page, email: string) {
	await page.goto('/login')
	await logInWithDemoTotp(page, email)
	await expect(page).toHaveURL(/\/dashboard/)
}

/** The studio address of a demo course, from the trainer's course list. */
async function studioCoursePath(page: Page, title: string) {
	await page.goto('/studio')
	const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href')
	expect(href).toMatch(/^\/studio\/courses\/[a-z0-9]+$/)
	return href!
}

test('the owner manages co-authors: a learner is refused beside the field, a trainer is added and removed', async ({
	page,
	a11y,
}) => {
	await logIn(page, 'trainer@circle.example')
	const coursePath = await studioCoursePath(page, 'Relational Practice in Schools')
	await page.goto(`${coursePath}/authors`)
	await expect(page.getByRole('heading', { level: 1, name: 'Authors' })).toBeVisible()
	await a11y()

	const email = page.getByLabel('Email address')
	await email.fill('learner@circle.example')
	await page.getByRole('button', { name: 'Add co-author' }).click()
	await expect(page.getByText('There is no trainer with that email address on Circle.')).toBeVisible()
	await expect(email).toHaveValue('learner@circle.example')
	await expect(email).toHaveAttribute('aria-invalid', 'true')
	await a11y()

	await email.fill('admin@circle.example')
	await page.getByRole('button', { name: 'Add co-author' }).click()
	await expect(page.getByRole('status')).toContainText('is now a co-author of this course')
	const list = page.getByRole('list').filter({ hasText: 'admin@circle.example' })
	await expect(list).toBeVisible()
	await page.getByRole('button', { name: /Remove .* as a co-author/ }).click()
	await expect(page.getByRole('status')).toContainText('The co-author was removed.')
	await expect(page.getByText('admin@circle.example')).toHaveCount(0)
})

test('analytics: figures, an accessible chart with a table, and the CSV download', async ({ page, a11y }) => {
	await logIn(page, 'trainer@circle.example')
	const coursePath = await studioCoursePath(page, 'Restorative Practice Foundations')
	await page.goto(`${coursePath}/analytics`)
	await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible()
	await expect(page.getByRole('img', { name: /Completions by lesson/ })).toBeVisible()
	await expect(page.getByRole('table', { name: /Completions by lesson, in course order/ })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Quiz item analysis' })).toBeVisible()
	await a11y()

	const downloading = page.waitForEvent('download')
	await page.getByRole('link', { name: /Download CSV/ }).click()
	const download = await downloading
	expect(download.suggestedFilename()).toMatch(/^restorative-practice-foundations-v\d+-analytics\.csv$/)
	const text = await (await download.createReadStream()).toArray()
	const csv = Buffer.concat(text)
		.toString('utf8')
		.replace(/^\uFEFF/, '')
	expect(csv.split('\r\n')[0]).toBe('Section,Item,Detail,Count,Out of,Percentage')
	expect(csv).toContain('Summary,Enrolments,')
})

test('a learner cannot open a course’s analytics or authors', async ({ page, a11y }) => {
	await logIn(page, 'trainer@circle.example')
	const coursePath = await studioCoursePath(page, 'Restorative Practice Foundations')
	await page.context().clearCookies()
	await logIn(page, 'learner@circle.example')
	for (const path of [`${coursePath}/analytics`, `${coursePath}/authors`]) {
		const response = await page.goto(path)
		expect(response?.status()).toBe(403)
		await a11y()
	}
})
