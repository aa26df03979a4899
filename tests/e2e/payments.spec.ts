import type { Page } from '@playwright/test'
import { course as schools } from '../../prisma/seed-content/schools.ts'
import { course as justice } from '../../prisma/seed-content/criminal-justice.ts'
import { course as leading } from '../../prisma/seed-content/leading-restorative-culture.ts'
import { expect, test, uniqueEmail } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

// The e2e server runs without Stripe keys, so purchases go through the labelled demo checkout,
// which completes orders through the same fulfilment as a Stripe payment.

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const price = (pence: number) => gbp.format(pence / 100)

async function signUp(page: Page) {
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Siobhán O’Connell')
	const email = uniqueEmail('buyer')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill('restorative circles every morning')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	return email
}

test('a learner buys a paid course through the demo checkout and lands in the course', async ({ page, a11y }) => {
	test.setTimeout(120_000)
	// Visitors are asked to log in first, and come back to the purchase afterwards.
	await page.goto(`/courses/${schools.slug}/buy`)
	await expect(page).toHaveURL(/\/login\?redirectTo=/)

	await signUp(page)
	await page.goto(`/courses/${schools.slug}`)
	await page
		.getByRole('link', { name: `Buy — ${price(schools.pricePence)}` })
		.filter({ visible: true })
		.first()
		.click()

	await expect(page).toHaveURL(`/courses/${schools.slug}/buy`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Buy ${schools.title}`)
	await expect(page.getByText('Demo mode: no payment is taken')).toBeVisible()
	// The volume tiers from the database, as a price table.
	const table = page.getByRole('table', { name: 'Price per seat' })
	await expect(table.getByRole('row')).toHaveCount(1 + 1 + (schools.volumeTiers?.length ?? 0))
	await expect(page.getByRole('link', { name: 'Create an organisation' })).toBeVisible()
	await a11y()

	await page.getByRole('button', { name: `Buy for myself — ${price(schools.pricePence)}` }).click()
	await expect(page).toHaveURL(/\/checkout\/demo\//)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo checkout — no payment is taken')
	await expect(page.getByText(schools.title)).toBeVisible()
	await a11y()

	await page.getByRole('button', { name: `Pay ${price(schools.pricePence)} (demo)` }).click()
	await expect(page).toHaveURL(/\/checkout\/success\?order=/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are enrolled')
	await expect(page.getByText('Demo purchase: no payment was taken.')).toBeVisible()
	const receipt = page.getByRole('region', { name: 'Receipt' })
	await expect(receipt).toContainText(price(schools.pricePence))
	await expect(receipt).toContainText(/CIR-[A-Z0-9]{8}/)
	await expect(receipt).toContainText(
		new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date()),
	)
	await a11y()

	// Reloading the receipt grants nothing twice and still shows the order.
	await page.reload()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are enrolled')

	await page.getByRole('link', { name: 'Start learning' }).click()
	await expect(page).toHaveURL(new RegExp(`/learn/${schools.slug}/`))
	await expect(page.locator('#lesson-title')).toHaveText(schools.modules[0]!.lessons[0]!.title)
	await a11y()

	// The course page now offers the course instead of a purchase, and the buy page says so.
	await page.goto(`/courses/${schools.slug}/buy`)
	await expect(page.getByText('You are already enrolled on this course')).toBeVisible()
	await page.goto('/account/purchases')
	await expect(page.getByRole('link', { name: schools.title })).toBeVisible()
	await expect(page.getByText('Paid (demo)')).toBeVisible()
	await a11y()
})

test('an organisation admin prices seats with the volume tiers, and cancelling the checkout charges nothing', async ({
	page,
	a11y,
}) => {
	await page.goto(`/login?redirectTo=${encodeURIComponent(`/courses/${justice.slug}/buy`)}`)
	await page.getByLabel('Email address').fill('orgadmin@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(`/courses/${justice.slug}/buy`)

	const tier = [...(justice.volumeTiers ?? [])].sort((a, b) => a.minQuantity - b.minQuantity)[0]!
	const seats = page.getByLabel('Number of seats')
	await seats.fill('0')
	await seats.blur()
	await expect(page.getByText('Enter a whole number of seats from 1 to 1,000').first()).toBeVisible()
	await seats.fill(String(tier.minQuantity + 2))
	const quantity = tier.minQuantity + 2
	await expect(
		page.getByText(`${quantity} seats × ${price(tier.unitPricePence)} = ${price(quantity * tier.unitPricePence)}`),
	).toBeVisible()

	// Asking for an invoice reveals its fields.
	await page.getByLabel('Request an invoice').check()
	await expect(page.getByLabel('Purchase order number (optional)')).toBeVisible()
	await expect(page.getByLabel('Payment terms')).toHaveValue('30')
	await a11y()
	await page.getByLabel('Pay now by card').check()

	await page.getByRole('button', { name: 'Continue to payment' }).click()
	await expect(page).toHaveURL(/\/checkout\/demo\//)
	await expect(page.getByText(`${quantity} seats for`)).toBeVisible()
	await expect(page.getByText(price(quantity * tier.unitPricePence), { exact: true })).toBeVisible()
	await page.getByRole('button', { name: 'Cancel' }).click()

	await expect(page).toHaveURL(`/checkout/cancel?course=${justice.slug}`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout cancelled')
	await expect(page.getByText('nothing has been charged')).toBeVisible()
	await a11y()
	await page.getByRole('link', { name: 'Return to the purchase' }).click()
	await expect(page).toHaveURL(`/courses/${justice.slug}/buy`)
})

test('without JavaScript, asking for an invoice still offers the purchase order number, which reaches the order', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await page.goto(`/login?redirectTo=${encodeURIComponent(`/courses/${leading.slug}/buy`)}`)
	await page.getByLabel('Email address').fill('orgadmin@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(`/courses/${leading.slug}/buy`)
	const purchaseOrder = page.getByLabel('Purchase order number (optional)')
	// Paying by card (the default) has no invoice fields; ticking "Request an invoice" shows them (CSS).
	await expect(purchaseOrder).toBeHidden()
	await page.getByLabel('Request an invoice').check()
	await expect(purchaseOrder).toBeVisible()
	const number = `PO-NOJS-${Date.now().toString(36).toUpperCase()}`
	await purchaseOrder.fill(number)
	await page.getByRole('button', { name: 'Request the invoice' }).click()
	await expect(page).toHaveURL(/\/checkout\/success\?order=/)
	await expect(page.getByText(number, { exact: true })).toBeVisible()
	await context.close()
})

test('a platform admin refunds a demo purchase after confirming, and the learner sees it refunded', async ({
	page,
	browser,
	a11y,
}) => {
	test.setTimeout(120_000)
	const email = await signUp(page)
	await page.goto(`/courses/${justice.slug}/buy`)
	await page.getByRole('button', { name: `Buy for myself — ${price(justice.pricePence)}` }).click()
	await page.getByRole('button', { name: `Pay ${price(justice.pricePence)} (demo)` }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are enrolled')

	const adminContext = await browser.newContext()
	const admin = await adminContext.newPage()
	await admin.goto('/login?redirectTo=/admin/orders')
	await logInWithDemoTotp(admin, 'admin@circle.example')
	await expect(admin).toHaveURL('/admin/orders')
	await admin.goto(`/admin/orders?q=${encodeURIComponent(email)}`)
	await admin
		.getByRole('table')
		.getByRole('link', { name: /order / })
		.click()
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(/^Order CIR-/)
	await admin.getByRole('link', { name: `Refund ${price(justice.pricePence)}…` }).click()
	await expect(admin.getByText(`Refund ${price(justice.pricePence)} to Siobhán O’Connell?`)).toBeVisible()
	await admin.getByLabel('Reason (optional)').fill('Bought by mistake')
	await a11y(admin)
	await admin.getByRole('button', { name: 'Yes, refund this order' }).click()
	await expect(admin.getByText('Refunded. 1 place withdrawn.')).toBeVisible()
	await expect(admin.getByText('Reason: Bought by mistake')).toBeVisible()
	await a11y(admin)
	await adminContext.close()

	await page.goto('/account/purchases')
	await expect(page.getByText('Refunded (demo)')).toBeVisible()
	await page.goto(`/courses/${justice.slug}/buy`)
	await expect(page.getByRole('button', { name: `Buy for myself — ${price(justice.pricePence)}` })).toBeVisible()
})
