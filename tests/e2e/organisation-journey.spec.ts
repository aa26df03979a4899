import fs from 'node:fs'
import { course } from '../../prisma/seed-content/health-social-care.ts'
import { acceptInvitationAsNewPerson, expect, test, uniqueEmail } from './fixtures.ts'

// The whole organisation journey on a new organisation: buy 3 seats through the demo checkout,
// invite 3 staff, one accepts and starts the course, and the team report and its CSV show it.

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })

test('an organisation admin buys 3 seats, invites 3 staff, one accepts and starts; the report and CSV agree', async ({
	page,
	browser,
	a11y,
}) => {
	test.setTimeout(180_000)
	const stamp = Date.now().toString(36)
	const orgName = `Harbourside Care Group ${stamp}`

	// A new manager signs up and sets up their organisation.
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Bronwen Ap Rhys')
	await page.getByLabel('Email address').fill(uniqueEmail('manager'))
	await page.getByLabel('Password').fill('care that listens first')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.goto('/org/new')
	await a11y()
	await page.getByLabel('Organisation name').fill(orgName)
	await page.getByRole('button', { name: 'Set up organisation' }).click()
	await expect(page).toHaveURL(/\/org\/[a-z0-9-]+\?created=1$/)
	const orgSlug = new URL(page.url()).pathname.split('/')[2]!

	// Three seats of a paid course, through the demo checkout.
	await page.goto(`/courses/${course.slug}/buy?org=${orgSlug}`)
	await page.getByLabel('Organisation', { exact: true }).selectOption({ label: orgName })
	await page.getByLabel('Number of seats').fill('3')
	await expect(page.getByText(`3 seats × ${gbp.format(course.pricePence / 100)}`)).toBeVisible()
	await page.getByRole('button', { name: 'Continue to payment' }).click()
	await expect(page).toHaveURL(/\/checkout\/demo\//)
	await a11y()
	await page.getByRole('button', { name: /^Pay .* \(demo\)$/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your seats are ready')
	await a11y()
	await page.getByRole('link', { name: 'Assign seats' }).click()
	await expect(page).toHaveURL(new RegExp(`/org/${orgSlug}$`))

	await page.getByRole('link', { name: `Manage seats for ${course.title}` }).click()
	await expect(page.getByText('0 of 3 seats in use · 3 free')).toBeVisible()

	// Three staff from a pasted list; a duplicate in the list is pointed out, not invited twice.
	const staff = [uniqueEmail('nurse'), uniqueEmail('carer'), uniqueEmail('porter')]
	await page.getByLabel('A list of addresses').check()
	await page.getByLabel('Email addresses').fill([...staff, staff[0]].join('\n'))
	await page.getByRole('button', { name: 'Send invitations' }).click()
	await expect(page.getByText('Invitations sent to 3 people')).toBeVisible()
	const waiting = page.getByRole('table', { name: /Invitations to .* not yet accepted/ })
	for (const email of staff) await expect(waiting.getByRole('cell', { name: email, exact: true })).toBeVisible()
	await a11y()

	// The first of them accepts from the emailed link, signs up and starts the course.
	const [starter] = staff as [string, string, string]
	const starterName = 'Nguyễn Thị Lan'
	const context = await browser.newContext()
	const learner = await context.newPage()
	await acceptInvitationAsNewPerson(learner, {
		email: starter,
		name: starterName,
		password: 'kindness at every handover',
	})
	await expect(learner).toHaveURL(new RegExp(`/learn/${course.slug}`))
	const lessons = course.modules.flatMap((m) => m.lessons)
	const readingIndex = lessons.findIndex((l) => l.kind === 'READING')
	await learner
		.getByRole('link', { name: new RegExp(lessons[readingIndex]!.title) })
		.first()
		.click()
	await expect(learner.locator('#lesson-title')).toHaveText(lessons[readingIndex]!.title)
	await learner.getByRole('button', { name: /Mark as done/ }).click()
	// Marking it done moves on to the next lesson.
	await expect(learner.locator('#lesson-title')).toHaveText(lessons[readingIndex + 1]!.title)
	await context.close()

	// The report: one in progress, two still invited.
	await page.goto(`/org/${orgSlug}/report`)
	const report = page.getByRole('table', { name: `Team report for ${orgName}` })
	await expect(report.getByRole('row').filter({ hasText: starter })).toContainText('In progress')
	await expect(report.getByRole('row').filter({ hasText: starter })).toContainText(starterName)
	for (const email of staff.slice(1)) {
		await expect(report.getByRole('row').filter({ hasText: email })).toContainText('Invited')
	}
	await a11y()

	// …and the CSV says the same.
	const downloading = page.waitForEvent('download')
	await page.getByRole('link', { name: /Download CSV/ }).click()
	const csv = fs.readFileSync((await (await downloading).path())!, 'utf8').replace(/^\uFEFF/, '')
	const rows = csv.trim().split(/\r?\n/)
	expect(rows).toHaveLength(1 + staff.length)
	const starterRow = rows.find((r) => r.includes(starter))!
	expect(starterRow).toContain(`${course.title},${starterName},${starter},In progress`)
	for (const email of staff.slice(1)) expect(rows.find((r) => r.includes(email))).toContain(',Invited,')
})
