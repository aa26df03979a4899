import { DEMO_RUNNING_CIRCLE } from '../../prisma/demo-circles.ts'
import { expect, logIn, test, uniqueEmail } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

// The demo seed (prisma/seed-circles.ts) has a drop-in circle that started a quarter of an hour
// before the server did, lasts eight hours and is full: its two places belong to two demo people.
test('a learner joins a full circle’s waiting list, gets the place someone gives up, checks in with the code and sees participatory hours', async ({
	page,
	browser,
	a11y,
}) => {
	test.setTimeout(180_000)
	const email = uniqueEmail('circles')
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Nia Adebayo-Evans')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill('circles of support every week')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.getByRole('link', { name: 'Circles', exact: true }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: 'Reflective circles' })).toBeVisible()
	await a11y()
	await page.getByRole('link', { name: DEMO_RUNNING_CIRCLE.title }).click()
	await expect(page.getByText('The circle is full. You can join the waiting list.')).toBeVisible()
	await expect(page.getByText('Online. The link is shown here to people with a place.')).toBeVisible()
	const circleUrl = new URL(page.url()).pathname
	await page.getByRole('button', { name: 'Join the waiting list' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'you are on the waiting list' })).toBeFocused()
	await expect(page.getByText('You are on the waiting list: number 1.')).toBeVisible()
	await a11y()

	// One of the two people with a place gives it up.
	const holderContext = await browser.newContext()
	const holder = await holderContext.newPage()
	await logIn(holder, { email: DEMO_RUNNING_CIRCLE.holders[0].email, password: 'circle-demo-2026' })
	await holder.goto(circleUrl)
	await holder.getByRole('button', { name: 'Cancel my place' }).click()
	await expect(holder.getByRole('status').filter({ hasText: 'Your booking is cancelled.' })).toBeVisible()
	await holderContext.close()

	// The promotion is emailed (from the queue) with the calendar invitation attached; the waiting
	// list email before it had none.
	await expect(async () => {
		await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`)
		await page
			.getByRole('link', { name: /A place came up for you/ })
			.first()
			.click({ timeout: 1000 })
	}).toPass({ timeout: 30_000 })
	await expect(page.getByText(/"kind":"circle-invitation"/)).toBeVisible()
	await expect(page.getByText(/"method":"REQUEST"/)).toBeVisible()
	await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`)
	await page
		.getByRole('link', { name: /You are on the waiting list/ })
		.first()
		.click()
	await expect(page.getByRole('heading', { level: 1, name: /You are on the waiting list/ })).toBeVisible()
	await expect(page.getByText('circle-invitation')).toHaveCount(0)

	// The place is the learner's now, with the meeting link.
	await page.goto(circleUrl)
	await expect(page.getByText(/You have a place, and the circle is running/)).toBeVisible()
	await expect(page.getByRole('link', { name: /Join online: https:\/\/meet\.example\.org/ })).toBeVisible()

	// The facilitator's register shows the code (only while the circle runs).
	const trainerContext = await browser.newContext()
	const trainer = await trainerContext.newPage()
	await trainer.goto('/login')
	await logInWithDemoTotp(trainer, 'trainer@circle.example')
	await trainer.goto(`${circleUrl}/register`)
	await expect(trainer.getByRole('heading', { name: 'Check-in code' })).toBeVisible()
	await expect(trainer.getByRole('img', { name: /QR code/ })).toBeVisible()
	const code = (await trainer.locator('p.font-mono').textContent())!.trim()
	expect(code).toMatch(/^[A-Z2-9]{6}$/)
	await a11y(trainer)
	await trainerContext.close()

	// A wrong code is refused beside the field, keeping what was typed; the right one checks in.
	const field = page.getByLabel('Check-in code')
	await field.fill('WRONG1')
	await page.getByRole('button', { name: 'Check in' }).click()
	await expect(page.getByText('That is not this circle’s code')).toBeVisible()
	await expect(field).toHaveValue('WRONG1')
	await expect(field).toHaveAttribute('aria-invalid', 'true')
	await field.fill(code.toLowerCase())
	await page.getByRole('button', { name: 'Check in' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'You are checked in.' })).toBeFocused()
	await a11y()

	await page.goto('/cpd')
	const entry = page.getByRole('article').filter({ hasText: DEMO_RUNNING_CIRCLE.title })
	await expect(entry).toContainText('Reflective circle (participatory)')
	await expect(entry).toContainText(/8 hours participatory/)
	await a11y()
})

test('an organisation admin books a team circle: a past start, no places and an http link are refused beside their fields, nothing typed is lost', async ({
	page,
	a11y,
}) => {
	test.setTimeout(120_000)
	await logIn(page, { email: 'orgadmin@circle.example', password: 'circle-demo-2026' })
	await page.goto('/org/riverside-academy-trust/circles')
	await expect(page.getByRole('heading', { level: 1, name: 'Team circles' })).toBeVisible()
	await a11y()

	const title = `Brookside circle ${Date.now().toString(36)}`
	await page.getByLabel('Title', { exact: true }).fill(title)
	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Brookside Primary' })
	await page.getByLabel('Starts (UK time)').fill('2020-01-06T16:00')
	await page.getByLabel('Places', { exact: true }).fill('0')
	await page.getByLabel('Where', { exact: true }).selectOption('ONLINE')
	await page.getByLabel('Meeting link (online circles)').fill('http://zoom.example.org/j/123')
	await page.getByLabel('The circle’s questions').fill('What went well this week?\nWhat was hard?')
	await page.getByRole('button', { name: 'Book the circle' }).click()
	await expect(page.getByText('Choose a time in the future')).toBeVisible()
	await expect(page.getByText('A circle needs room for at least one person')).toBeVisible()
	await expect(page.getByText('Enter the meeting’s https link')).toBeVisible()
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title)
	await expect(page.getByLabel('The circle’s questions')).toHaveValue('What went well this week?\nWhat was hard?')
	await expect(page.getByLabel('Places', { exact: true })).toHaveAttribute('aria-invalid', 'true')
	await a11y()

	const nextYear = new Date().getUTCFullYear() + 1
	await page.getByLabel('Starts (UK time)').fill(`${nextYear}-01-12T16:00`)
	await page.getByLabel('Places', { exact: true }).fill('8')
	await page.getByLabel('Meeting link (online circles)').fill('https://teams.microsoft.com/l/meetup-join/brookside')
	await page.getByRole('button', { name: 'Book the circle' }).click()
	await expect(page.getByRole('heading', { level: 1, name: `Register: ${title}` })).toBeVisible()
	await expect(page.getByText(`Tuesday 12 January ${nextYear} at 16:00 (UK time)`)).toBeVisible()
	await a11y()

	// Booking people: nobody chosen is refused beside the list; then the whole team in one action.
	await page.getByRole('button', { name: 'Book them' }).click()
	await expect(page.getByText('Choose at least one person, or a team')).toBeVisible()
	const teamSelect = page.getByLabel('Book everyone in a team (optional)')
	const brookside = await teamSelect.locator('option', { hasText: /^Brookside Primary/ }).getAttribute('value')
	await teamSelect.selectOption(brookside!)
	await page.getByRole('button', { name: 'Book them' }).click()
	await expect(
		page.getByRole('status').filter({ hasText: /booked\. Everyone booked has been emailed\./ }),
	).toBeFocused()
	const people = page.getByRole('region', { name: 'People with a place' }).getByRole('listitem')
	await expect(people.first()).toBeVisible()
	const bookedEmail = /\(([^)]+@[^)]+)\)/.exec((await people.first().textContent()) ?? '')![1]!
	await a11y()
	const registerUrl = page.url()
	await expect(async () => {
		await page.goto(`/dev/outbox?to=${encodeURIComponent(bookedEmail)}`)
		await page
			.getByRole('link', { name: new RegExp(`You have been booked into a circle: ${title}`) })
			.first()
			.click({ timeout: 1000 })
	}).toPass({ timeout: 30_000 })
	await expect(page.getByText(/"kind":"circle-invitation"/)).toBeVisible()
	await expect(page.getByText(/"method":"REQUEST"/)).toBeVisible()
	await page.goto(registerUrl)

	await page.getByRole('link', { name: 'Cancel this circle' }).click()
	await expect(page.getByRole('region', { name: 'Cancel this circle?' })).toBeFocused()
	await page.getByRole('button', { name: 'Yes, cancel the circle' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'The circle is cancelled.' })).toBeVisible()
})
