import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

async function logIn(page: Page, email: string) {
	await page.goto('/login')
	await logInWithDemoTotp(page, email)
	await expect(page).toHaveURL(/\/dashboard/)
}

test('a trainer’s validity of 1,000 months is refused beside the field, what was typed kept', async ({
	page,
	a11y,
}) => {
	await logIn(page, 'trainer@circle.example')
	await page.goto('/studio')
	const href = await page
		.getByRole('link', { name: 'Relational Practice in Schools', exact: true })
		.getAttribute('href')
	await page.goto(`${href}/certificate`)
	await expect(page.getByRole('heading', { level: 1, name: 'Certificate validity' })).toBeVisible()
	const months = page.getByLabel('Months a certificate stays valid (optional)')
	await expect(months).toHaveValue('12')
	await expect(page.getByLabel('Refresher course (optional)')).toHaveValue(/.+/)
	await a11y()
	await months.fill('1000')
	await page.getByRole('button', { name: 'Save certificate validity' }).click()
	await expect(page.getByText('A certificate can be valid for at most 120 months (10 years)')).toBeVisible()
	await expect(months).toHaveValue('1000')
	await expect(months).toHaveAttribute('aria-invalid', 'true')
	await a11y()
})

test('the demo learner sees an expired and an expiring certificate, and the expired one verifies as expired', async ({
	page,
	a11y,
}) => {
	await logIn(page, 'learner@circle.example')
	await page.goto('/cpd')
	const certificates = page
		.getByRole('complementary')
		.filter({ has: page.getByRole('heading', { name: 'Certificates' }) })
	await expect(certificates.getByText(/Expired: was valid until/)).toBeVisible()
	await expect(certificates.getByText(/^Valid until/)).toBeVisible()
	await expect(certificates.getByRole('button', { name: /Retake to renew/ })).toBeVisible()
	await a11y()

	const expired = certificates.getByRole('listitem').filter({ hasText: 'Expired: was valid until' })
	await expired.getByRole('link', { name: /Verification page/ }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'This certificate has expired' })).toBeVisible()
	await expect(page.getByText('Valid until', { exact: true })).toBeVisible()
	await a11y()
})
