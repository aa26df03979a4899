import { expect, test, uniqueEmail } from './fixtures.ts'

test('a learner invites a discussion partner, the partner confirms from the emailed link, and the NMC dashboard counts the discussion', async ({
	page,
	browser,
	a11y,
}) => {
	const learnerEmail = uniqueEmail('nurse')
	const partnerEmail = uniqueEmail('partner')
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Efa Rhys-Jones')
	await page.getByLabel('Email address').fill(learnerEmail)
	await page.getByLabel('Password').fill('reflective practice every week')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	// The dashboard starts with no discussion.
	await page.goto('/cpd/revalidation')
	const discussion = page.locator('[data-requirement="discussion"]')
	await expect(discussion).toContainText('0 of 1')
	await a11y()

	// Their own address as the partner's is refused beside the field, and what they typed stays.
	await page.getByRole('link', { name: 'Record your reflective discussion' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'NMC reflective discussion' })).toBeVisible()
	await page.getByLabel('A short title for the discussion').fill('Discussion of my five accounts')
	await page.getByLabel('Date of the discussion').fill(new Date().toISOString().slice(0, 10))
	await page.getByLabel('Your discussion partner’s name').fill('Jo Okafor')
	await page.getByLabel('Your discussion partner’s email address').fill(learnerEmail)
	await page.getByRole('button', { name: 'Save record' }).click()
	const partnerField = page.getByLabel('Your discussion partner’s email address')
	await expect(page.getByText('Enter someone else’s email address, not your own')).toBeVisible()
	await expect(partnerField).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByLabel('A short title for the discussion')).toHaveValue('Discussion of my five accounts')
	await a11y()

	await partnerField.fill(partnerEmail)
	await page.getByRole('button', { name: 'Save record' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Discussion of my five accounts' })).toBeVisible()
	await expect(page.getByText('Waiting for confirmation')).toBeVisible()
	await a11y()

	// The partner, with no account, follows the link in their email.
	const partnerContext = await browser.newContext()
	const partner = await partnerContext.newPage()
	await expect(async () => {
		await partner.goto(`/dev/outbox?to=${encodeURIComponent(partnerEmail)}`)
		await partner
			.getByRole('link', { name: /Efa Rhys-Jones asks you to confirm/ })
			.first()
			.click({ timeout: 1000 })
	}).toPass({ timeout: 30_000 })
	const confirmHref = await partner
		.getByRole('link', { name: /\/confirm\// })
		.first()
		.getAttribute('href')
	expect(confirmHref).toBeTruthy()
	const confirmPath = new URL(confirmHref!).pathname
	await partner.goto(confirmPath)
	await expect(partner.getByRole('heading', { level: 1, name: 'Confirm Efa Rhys-Jones’s record' })).toBeVisible()
	await a11y(partner)

	await partner.getByLabel('Your full name').fill('Jo Okafor')
	// A PIN in the wrong format is refused beside the field as soon as they move on.
	await partner.getByLabel('Your NMC PIN').fill('1234567')
	await partner.getByLabel('Your NMC PIN').blur()
	await expect(partner.getByText(/Enter your NMC PIN as two numbers/)).toBeVisible()
	await expect(partner.getByLabel('Your NMC PIN')).toHaveAttribute('aria-invalid', 'true')
	await partner.getByLabel(/I confirm that I had this reflective discussion/).check()
	await expect(partner.getByLabel('Your full name')).toHaveValue('Jo Okafor')
	await partner.getByLabel('Your NMC PIN').fill('12A3456E')
	await partner.getByRole('button', { name: 'Confirm' }).click()
	await expect(partner.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible()
	await a11y(partner)

	// The link works once.
	await partner.goto(confirmPath)
	await expect(partner.getByRole('heading', { level: 1, name: 'Already confirmed' })).toBeVisible()
	await partnerContext.close()

	// The learner sees the confirmation, and the dashboard counts the discussion.
	await page.reload()
	await expect(page.getByText('Confirmed', { exact: true })).toBeVisible()
	await expect(page.getByText('12A3456E')).toBeVisible()
	await page.goto('/cpd/revalidation')
	await expect(discussion).toContainText('1 of 1')
	await expect(discussion).toContainText('Done')
	await a11y()
})
