// An organisation on invoice terms with approval (the default, ADR 0036) orders seats by invoice; the
// platform admin sees the terms on the organisation's page, approves the order (the seats arrive
// before payment), then records the bank payment, and the order shows as paid.
import { course as justice } from '../../prisma/seed-content/criminal-justice.ts'
import { expect, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

test('a platform admin approves an invoice order and records its payment', async ({ page, browser, a11y }) => {
	test.setTimeout(180_000)
	const purchaseOrder = `PO-E2E-${Date.now().toString(36).toUpperCase()}`

	// The organisation admin asks for an invoice for 3 seats, with a purchase order number.
	await page.goto(`/login?redirectTo=${encodeURIComponent(`/courses/${justice.slug}/buy`)}`)
	await page.getByLabel('Email address').fill('orgadmin@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(`/courses/${justice.slug}/buy`)
	await page.getByLabel('Number of seats').fill('3')
	await page.getByLabel('Request an invoice').check()
	await page.getByLabel('Purchase order number (optional)').fill(purchaseOrder)
	await page.getByRole('button', { name: 'Request the invoice' }).click()
	await expect(page).toHaveURL(/\/checkout\/success\?order=/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your invoice is on its way')
	const orderId = new URL(page.url()).searchParams.get('order')!
	expect(orderId).toBeTruthy()

	const adminContext = await browser.newContext()
	const admin = await adminContext.newPage()
	await admin.goto(`/login?redirectTo=${encodeURIComponent(`/admin/orders/${orderId}`)}`)
	await logInWithDemoTotp(admin, 'admin@circle.example')
	await expect(admin).toHaveURL(`/admin/orders/${orderId}`)
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(/^Order CIR-/)
	await expect(admin.getByText('Pending', { exact: true })).toBeVisible()
	await expect(admin.getByText(purchaseOrder)).toBeVisible()
	await a11y(admin)

	// The organisation is on the default terms: seats when a platform admin approves.
	await admin.goto('/admin/organisations')
	await admin.getByRole('link', { name: 'Riverside Academy Trust' }).click()
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Riverside Academy Trust')
	const terms = admin.getByRole('group', { name: 'When do seats come with an order paid by invoice?' })
	await expect(terms.getByLabel('When a platform admin approves the order')).toBeChecked()
	await expect(terms.getByLabel('As soon as the order is placed')).not.toBeChecked()
	await a11y(admin)
	await admin.goto(`/admin/orders/${orderId}`)

	// Approve: the seats are given before the invoice is paid.
	await admin.getByRole('button', { name: 'Approve and give the seats now' }).click()
	await expect(admin.getByText('Approved: the seats are in the organisation now.')).toBeVisible()
	await expect(admin.getByText('The seats were given before payment.')).toBeVisible()
	await expect(admin.getByRole('button', { name: 'Approve and give the seats now' })).toHaveCount(0)

	// Recording the payment without a date is refused beside the field.
	const paymentForm = admin.locator('form', { has: admin.getByRole('button', { name: 'Record payment' }) })
	await paymentForm.getByLabel('Bank reference (optional)').fill('BACS 7781')
	await admin.getByRole('button', { name: 'Record payment' }).click()
	await expect(paymentForm.getByText('Enter the date the payment arrived')).toBeVisible()
	await expect(paymentForm.getByLabel('Bank reference (optional)')).toHaveValue('BACS 7781')
	await a11y(admin)

	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
	await paymentForm.getByLabel('Date the payment arrived').fill(today)
	await admin.getByRole('button', { name: 'Record payment' }).click()
	await expect(admin.getByText('Payment recorded: the order is paid.')).toBeVisible()
	// The order's status badge (the facts list below it has a "Paid" term too, for the payment date).
	await expect(admin.locator('span').filter({ hasText: /^Paid$/ })).toBeVisible()
	await expect(admin.getByText(/, paid \d/)).toBeVisible()
	await expect(admin.getByText('Invoice payment recorded')).toBeVisible()
	await expect(admin.getByText('Approved: seats given before payment')).toBeVisible()
	await a11y(admin)

	await adminContext.close()
})
