import { expect, test, uniqueEmail } from './fixtures.ts'
import { logInWithDemoTotp, withNextTotpCode } from './totp.ts'

test('a new trainer must set up two-step sign-in, then is asked for a code at every sign-in', async ({
	page,
	browser,
	a11y,
}, testInfo) => {
	test.setTimeout(150_000)
	// Someone signs up as a learner…
	const email = uniqueEmail('new-trainer')
	const password = 'a quiet walk by the river'
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Nia Blackwood')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	// …and a platform admin (who signs in with the demo authenticator code) makes them a trainer.
	const adminContext = await browser.newContext()
	const admin = await adminContext.newPage()
	await admin.goto(`/login?redirectTo=${encodeURIComponent(`/admin/users?q=${email}`)}`)
	await logInWithDemoTotp(admin, 'admin@circle.example')
	await admin.getByRole('link', { name: 'Nia Blackwood' }).click()
	await admin.getByLabel('New role').selectOption({ label: 'Trainer' })
	await admin.getByLabel('Reason').first().fill('Joined the training team this term')
	await admin.getByRole('button', { name: 'Change role' }).click()
	await expect(admin.getByText(/Trainer/).first()).toBeVisible()
	await adminContext.close()

	// The studio (and everything else) now sends them to set up two-step sign-in.
	await page.goto('/studio')
	await expect(page).toHaveURL(/\/account\/security\?setup=required/)
	await expect(page.getByText('Set up two-step sign-in to carry on')).toBeVisible()
	await expect(page.getByText(/Trainers must use two-step sign-in/)).toBeVisible()
	await a11y()
	await page.goto('/admin')
	await expect(page).toHaveURL(/\/account\/security\?setup=required/)

	await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
	const secretText = await page.getByTestId('totp-secret').textContent()
	const secret = (secretText ?? '').replace(/\s+/g, '')
	expect(secret).toMatch(/^[A-Z2-7]{32}$/)
	expect(secretText).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)
	await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
	await a11y()
	await page.screenshot({ path: testInfo.outputPath('account-security-enrol.png'), fullPage: true })

	// A wrong code is refused beside the field.
	const codeField = page.getByLabel('Code from your authenticator app')
	await codeField.fill('000000')
	await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
	await expect(page.getByText('That code is not right')).toBeVisible()
	await expect(codeField).toHaveAttribute('aria-invalid', 'true')

	await withNextTotpCode(
		email,
		async (code) => {
			await codeField.fill(code)
			await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
			await expect(page.getByText('Save your recovery codes now')).toBeVisible()
		},
		secret,
	)
	await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10)
	await expect(page.getByText(/^On\./)).toBeVisible()
	await a11y()
	await page.screenshot({ path: testInfo.outputPath('account-security-enabled.png'), fullPage: true })

	// The studio opens now.
	await page.goto('/studio')
	await expect(page).toHaveURL(/\/studio$/)

	// Sign out; the next sign-in asks for a code.
	await page.locator('summary', { hasText: 'account menu' }).click()
	await page.getByRole('button', { name: 'Log out' }).click()
	await expect(page).toHaveURL(/\/$/)
	await page.goto('/login')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password', { exact: true }).fill(password)
	await page.locator('main').getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/login\/verify$/)
	await expect(page.getByRole('heading', { level: 1, name: 'Two-step sign-in' })).toBeVisible()
	const verifyField = page.getByLabel('Code from your authenticator app')
	await expect(verifyField).toHaveAttribute('autocomplete', 'one-time-code')
	await expect(verifyField).toHaveAttribute('inputmode', 'numeric')
	await a11y()

	await verifyField.fill('123456')
	await page.getByRole('button', { name: 'Continue' }).click()
	await expect(page.getByText('That code is not right')).toBeVisible()
	await expect(verifyField).toHaveAttribute('aria-invalid', 'true')
	await a11y()
	await page.screenshot({ path: testInfo.outputPath('login-verify-error.png'), fullPage: true })

	await withNextTotpCode(
		email,
		async (code) => {
			await verifyField.fill(code)
			await page.getByRole('button', { name: 'Continue' }).click()
			await expect(page).toHaveURL(/\/dashboard/)
		},
		secret,
	)

	// The security page lists this session and the sign-in with two-step sign-in.
	await page.goto('/account/security')
	await expect(page.getByText('This device')).toBeVisible()
	await expect(page.getByText('Signed in by password, with two-step sign-in').first()).toBeVisible()
	await a11y()
	await page.screenshot({ path: testInfo.outputPath('account-security-sessions.png'), fullPage: true })
})

test('a sign-in whose second step has expired or is missing goes back to the login page with a message', async ({
	page,
	a11y,
}) => {
	await page.goto('/login/verify')
	await expect(page).toHaveURL(/\/login\?reason=expired/)
	await expect(page.getByText('Please sign in again')).toBeVisible()
	await a11y()
})

test('an organisation admin sees who must use two-step sign-in, in an accessible form', async ({
	page,
	a11y,
}, testInfo) => {
	await page.goto('/login?redirectTo=/org/riverside-academy-trust/settings/security')
	await logInWithDemoTotp(page, 'orgadmin@circle.example')
	await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
	const group = page.getByRole('group', { name: 'Who must use two-step sign-in?' })
	await expect(group.getByRole('radio', { name: /Only where Circle requires it/ })).toBeChecked()
	await expect(group.getByRole('radio')).toHaveCount(3)
	await a11y()
	await page.screenshot({ path: testInfo.outputPath('org-security.png'), fullPage: true })
})
