import { expect, test, uniqueEmail } from './fixtures.ts'

test('a visitor browses the home page, the catalogue by sector and a course page', async ({ page, a11y }) => {
	await page.goto('/')
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	await a11y()

	await page.goto('/courses')
	await expect(page.getByRole('heading', { level: 1, name: /courses/i })).toBeVisible()
	await expect(page.getByRole('link', { name: /Restorative Practice Foundations/ }).first()).toBeVisible()
	await a11y()

	await page.getByLabel('Sector', { exact: true }).selectOption({ label: 'Schools' })
	await page.getByRole('button', { name: /filter|show|apply|search/i }).click()
	await expect(page).toHaveURL(/sector=schools/i)
	await expect(page.getByRole('link', { name: /Relational Practice in Schools/i }).first()).toBeVisible()
	await expect(page.getByRole('link', { name: /Criminal Justice/i })).toHaveCount(0)
	await a11y()

	await page
		.getByRole('link', { name: /Relational Practice in Schools/i })
		.first()
		.click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Schools/i)
	await expect(page.getByText('£49.00').filter({ visible: true }).first()).toBeVisible()
	await expect(
		page
			.getByText(/CPD hours?/)
			.filter({ visible: true })
			.first(),
	).toBeVisible()
	await a11y()
})

test('a new learner signs up, verifies their email from the outbox, logs out and logs back in', async ({
	page,
	a11y,
}) => {
	const email = uniqueEmail('signup')
	const password = 'a quiet walk by the river'

	await page.goto('/signup')
	await a11y()
	await page.getByLabel('Full name').fill('Zoë Łukasiewicz')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	// The verification email is delivered by the background worker to the dev outbox.
	await expect(async () => {
		await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`)
		await page
			.getByRole('link', { name: /confirm|verify/i })
			.first()
			.click({ timeout: 1000 })
	}).toPass({ timeout: 30_000 })
	await a11y()
	const verifyLink = page.getByRole('link', { name: /\/verify-email\?token=/ })
	await verifyLink.click()
	await expect(page.getByText(/email address (is|has been) (confirmed|verified)/i).first()).toBeVisible()
	await a11y()

	await page.locator('summary', { hasText: 'account menu' }).click()
	await page.getByRole('button', { name: /log out/i }).click()
	await expect(page.getByRole('link', { name: /log in/i }).first()).toBeVisible()

	await page.goto('/login')
	await a11y()
	await page.getByLabel('Email address').fill(email.toUpperCase())
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await a11y()
})

test('bad sign-up input shows errors beside the fields and keeps what was typed', async ({ page }) => {
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Dafydd ap Gwilym')
	await page.getByLabel('Email address').fill('learner@circle.example')
	await page.getByLabel('Password').fill('short')
	// Submit without the browser's own validation so the server's messages are what we see.
	await page.getByRole('main').locator('form[method="post"]').evaluate((form) => form.setAttribute('novalidate', ''))
	await page.getByRole('button', { name: 'Create account' }).click()
	const password = page.getByLabel('Password')
	await expect(password).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByText(/at least 10 characters/i).first()).toBeVisible()
	await expect(page.getByLabel('Full name')).toHaveValue('Dafydd ap Gwilym')
	await expect(page.getByLabel('Email address')).toHaveValue('learner@circle.example')
})

test('unknown pages get the 404 page inside the site layout', async ({ page, a11y }) => {
	const response = await page.goto('/no-such-page')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/can.t find/i)
	await expect(page.getByRole('navigation').first()).toBeVisible()
	await a11y()
})

test('a cross-site POST is refused before it reaches any route', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
		form: { email: 'learner@circle.example', password: 'circle-demo-2026' },
		maxRedirects: 0,
	})
	expect(response.status()).toBe(403)
	expect(response.headers()['set-cookie']).toBeUndefined()
})
