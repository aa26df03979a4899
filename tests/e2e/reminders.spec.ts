import { expect, test } from './fixtures.ts'

// The demo organisation from prisma/seed.ts, administered by orgadmin@circle.example.
const ORG = 'riverside-academy-trust'

test('an administrator chooses the organisation’s reminder days and their own reminder emails', async ({
	page,
	a11y,
}) => {
	test.setTimeout(120_000)
	await page.goto('/login')
	await page.getByLabel('Email address').fill('orgadmin@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.goto(`/org/${ORG}/settings`)
	await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Reminders' }).click()
	await expect(page).toHaveURL(new RegExp(`/org/${ORG}/settings/reminders$`))
	const beforeDue = page.getByRole('group', { name: 'Before a due date' })
	// The demo trust's own choice (prisma/seed-reminders.ts): a fortnight's warning as well as the defaults.
	await expect(beforeDue.getByRole('checkbox', { name: '30 days before' })).toBeChecked()
	await expect(beforeDue.getByRole('checkbox', { name: '14 days before' })).toBeChecked()
	await expect(beforeDue.getByRole('checkbox', { name: '3 days before' })).not.toBeChecked()
	await a11y()

	await beforeDue.getByRole('checkbox', { name: '30 days before' }).uncheck()
	await beforeDue.getByRole('checkbox', { name: '3 days before' }).check()
	await page.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('status')).toContainText('Saved')
	await page.reload()
	await expect(beforeDue.getByRole('checkbox', { name: '3 days before' })).toBeChecked()
	await expect(beforeDue.getByRole('checkbox', { name: '30 days before' })).not.toBeChecked()
	// Back to the demo's choice for the next run.
	await beforeDue.getByRole('checkbox', { name: '30 days before' }).check()
	await beforeDue.getByRole('checkbox', { name: '3 days before' }).uncheck()
	await page.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('status')).toContainText('Saved')

	await page.goto('/account')
	await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Reminders' }).click()
	await expect(page).toHaveURL(/\/account\/reminders$/)
	await expect(page.getByRole('checkbox', { name: /Nudges and optional reminders/ })).toBeChecked()
	await expect(page.getByRole('group', { name: 'Weekly training digest' })).toContainText('Riverside Academy Trust')
	await a11y()
	await page.getByRole('checkbox', { name: /Nudges and optional reminders/ }).uncheck()
	await page.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('status')).toContainText('Saved')
	await page.reload()
	await expect(page.getByRole('checkbox', { name: /Nudges and optional reminders/ })).not.toBeChecked()
	await page.getByRole('checkbox', { name: /Nudges and optional reminders/ }).check()
	await page.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('status')).toContainText('Saved')
})
