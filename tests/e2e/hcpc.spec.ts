import { expect, test, uniqueEmail } from './fixtures.ts'

/** A UK calendar day `days` ago, as the date inputs take it. */
function daysAgo(days: number) {
	const date = new Date(Date.now() - days * 86_400_000)
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(date)
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

test('the HCPC builder flags a four-month gap and refuses a 1,501-word statement beside the field, keeping the text', async ({
	page,
	a11y,
}) => {
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Grace Adeyemi-Hall')
	await page.getByLabel('Email address').fill(uniqueEmail('ot'))
	await page.getByLabel('Password').fill('occupation matters every day')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	// Two activities about four and a half months apart, with nothing between them.
	for (const entry of [
		{ method: 'Course', title: 'Sensory integration course', date: daysAgo(200) },
		{ method: 'Reading', title: 'Reading on the Kawa model', date: daysAgo(60) },
	]) {
		await page.goto('/cpd/new')
		await page.getByLabel('How did you do this CPD?').selectOption(entry.method)
		await page.getByLabel('Title').fill(entry.title)
		await page.getByLabel('Date').fill(entry.date)
		await page.getByLabel('Hours', { exact: true }).fill('2')
		await page.getByRole('button', { name: 'Add to portfolio' }).click()
		await expect(page).toHaveURL(/\/cpd\?done=added/)
	}

	await page.goto('/records')
	await page.getByRole('link', { name: 'HCPC CPD profile' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'HCPC CPD profile' })).toBeVisible()

	// The four-month gap, and where it is.
	const gap = page.locator('[data-check="gap"]').filter({ hasText: 'after “Sensory integration course”' })
	await expect(gap).toContainText('A gap of 4 months')
	await expect(gap).toContainText('after “Sensory integration course”')
	await expect(gap).toContainText('“Reading on the Kawa model”')
	await expect(page.locator('[data-check="types"]')).toContainText('A mixture of activities: 2 kinds')
	await a11y()

	// Words are counted as they are typed, and announced politely.
	const summary = page.getByLabel('Summary of your practice')
	await summary.fill('I am an occupational therapist in a community mental health team.')
	const summaryCount = page.locator('#record-HCPC_PROFILE-summary-count')
	await expect(summaryCount).toHaveText('11 of 500 words')
	await expect(summaryCount).toHaveAttribute('aria-live', 'polite')

	const statement = page.getByLabel('Your statement: how your CPD has met the HCPC’s standards')
	const tooLong = words(1501)
	await statement.fill(tooLong)
	await expect(page.locator('#record-HCPC_PROFILE-statement-count')).toHaveText(
		'1,501 words: 1 over the limit of 1,500',
	)
	await page.getByRole('button', { name: 'Save record' }).click()
	await expect(page.getByText('Your statement is 1,501 words: the HCPC allows up to 1,500. Cut 1 word.')).toBeVisible()
	await expect(statement).toHaveAttribute('aria-invalid', 'true')
	await expect(statement).toBeFocused()
	await expect(statement).toHaveValue(tooLong)
	await expect(summary).toHaveValue('I am an occupational therapist in a community mental health team.')
	await expect(page).toHaveURL(/\/records\/new\/hcpc-profile$/)
	await a11y()

	// 1,500 words is fine; the gap is explained and the profile saved.
	await statement.fill(words(1500))
	await expect(page.locator('#record-HCPC_PROFILE-statement-count')).toHaveText('1,500 of 1,500 words')
	await page.getByLabel('Explain any gap of three months or more in your list').fill('I was on a secondment abroad.')
	await page.getByRole('button', { name: 'Save record' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'My HCPC CPD profile' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Summary of practice' })).toBeVisible()
	await expect(page.getByText('I was on a secondment abroad.')).toBeVisible()
	await expect(page.getByRole('link', { name: 'Download as PDF' })).toBeVisible()
	await a11y()
})
