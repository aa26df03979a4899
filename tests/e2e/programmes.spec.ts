import { expect, test, uniqueEmail } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

test('a trainer builds and publishes a programme; its own address is refused beside the field', async ({
	page,
	a11y,
}) => {
	test.setTimeout(120_000)
	const stamp = Date.now().toString(36)
	const slug = `restorative-leadership-path-${stamp}`
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')

	await page.goto('/studio/programmes/new')
	await page.getByLabel('Title').fill(`Restorative leadership path ${stamp}`)
	await expect(page.getByLabel('Web address')).toHaveValue(slug)
	await page.getByLabel('Summary').fill('Foundations first, then leading the change across an organisation.')
	await page.getByRole('button', { name: 'Create programme' }).click()
	await expect(page).toHaveURL(/\/studio\/programmes\/[^/?]+$/)
	await a11y()

	const courseField = page.getByLabel('Add a course')
	await courseField.fill(slug)
	await page.getByRole('button', { name: 'Add course' }).click()
	await expect(page.getByText('a programme cannot contain itself')).toBeVisible()
	await expect(courseField).toHaveValue(slug)
	await expect(courseField).toHaveAttribute('aria-invalid', 'true')

	for (const course of ['restorative-practice-foundations', 'leading-a-restorative-organisation']) {
		await page.getByLabel('Add a course').fill(course)
		await page.getByRole('button', { name: 'Add course' }).click()
		await expect(page.getByRole('status').filter({ hasText: 'Course added.' })).toBeVisible()
	}
	await page.getByRole('button', { name: 'Move up Leading a restorative organisation' }).click()
	await expect(page.locator('ol > li').first()).toContainText(/Leading a restorative organisation/i)
	await page.getByRole('button', { name: 'Publish programme' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible()
	await a11y()

	await page.goto('/programmes')
	await expect(page.getByRole('link', { name: `Restorative leadership path ${stamp}` })).toBeVisible()
})

test('a learner joins the demo programme and only its first course is open', async ({ page, a11y }) => {
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Ffion Pritchard-Ojo')
	await page.getByLabel('Email address').fill(uniqueEmail('programme'))
	await page.getByLabel('Password').fill('restorative circles every morning')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.goto('/courses')
	await page.getByRole('link', { name: 'Restorative schools pathway' }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: 'Restorative schools pathway' })).toBeVisible()
	await a11y()
	await page.getByRole('button', { name: 'Join this programme for free' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'You joined this programme on' })).toBeVisible()
	const courses = page.getByRole('list').filter({ hasText: 'Course 1' }).getByRole('listitem')
	await expect(courses.nth(0)).toContainText('Open')
	await expect(courses.nth(0).getByRole('link', { name: 'Go to the course' })).toBeVisible()
	await expect(courses.nth(1)).toContainText('Opens when the course before is finished')
	await expect(courses.nth(2)).toContainText('Opens when the course before is finished')
	await a11y()
})
