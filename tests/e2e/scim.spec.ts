import { expect, logIn, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

// The demo organisation from prisma/seed.ts: Tom Hughes owns Riverside Academy Trust, whose domain
// riverside.example is verified, so the organisation owns its staff's identities.
const ORG_ADMIN = { email: 'orgadmin@circle.example', password: 'circle-demo-2026' }
const ORG = 'riverside-academy-trust'

test('SCIM deactivation ends an open browser session on its next request', async ({ page, browser, request, a11y }) => {
	test.setTimeout(120_000)
	// The organisation admin creates a token on the provisioning page; it is shown once.
	await logIn(page, ORG_ADMIN)
	await page.goto(`/org/${ORG}/settings/provisioning`)
	await expect(page.getByRole('heading', { level: 1, name: 'Provisioning (SCIM)' })).toBeVisible()
	await expect(page.getByText(/\/scim\/v2$/)).toBeVisible()
	await a11y()
	await page.getByLabel('Token name').fill('Entra ID (browser test)')
	await page.getByRole('button', { name: 'Create token' }).click()
	const newToken = page.getByRole('region', { name: 'Your new token' })
	await expect(newToken).toBeFocused()
	const token = await page.getByLabel('Secret token').inputValue()
	expect(token).toMatch(/^circle_scim_/)
	await expect(
		page.getByRole('table', { name: /SCIM tokens of/ }).getByRole('row', { name: /Entra ID \(browser test\)/ }),
	).toBeVisible()
	await page.screenshot({ path: test.info().outputPath('provisioning.png'), fullPage: true })
	await a11y()

	// A member of staff, at the organisation's verified domain, signs up and is signed in in their own browser.
	const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@riverside.example`
	const staffContext = await browser.newContext()
	const staff = await staffContext.newPage()
	await staff.goto('/signup')
	await staff.getByLabel('Full name').fill('Carys Ifans')
	await staff.getByLabel('Email address').fill(email)
	await staff.getByLabel('Password').fill('a patient circle of staff')
	await staff.getByRole('button', { name: 'Create account' }).click()
	await expect(staff).toHaveURL(/\/dashboard/)

	// Entra ID provisions them, finds them by userName, and later marks them inactive.
	const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' }
	const created = await request.post('/scim/v2/Users', {
		headers,
		data: {
			schemas: [
				'urn:ietf:params:scim:schemas:core:2.0:User',
				'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
			],
			externalId: crypto.randomUUID(),
			userName: email,
			active: true,
			displayName: 'Carys Ifans',
			emails: [{ primary: true, type: 'work', value: email }],
			meta: { resourceType: 'User' },
			name: { formatted: 'Carys Ifans', familyName: 'Ifans', givenName: 'Carys' },
			roles: [],
		},
	})
	expect(created.status()).toBe(201)
	expect(created.headers()['content-type']).toMatch(/^application\/scim\+json/)
	const { id } = (await created.json()) as { id: string }
	const found = await request.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`, { headers })
	expect(await found.json()).toMatchObject({ totalResults: 1, Resources: [{ id, active: true }] })

	await staff.goto('/dashboard')
	await expect(staff).toHaveURL(/\/dashboard/)

	const patched = await request.patch(`/scim/v2/Users/${id}`, {
		headers,
		data: {
			schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
			Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
		},
	})
	expect(patched.status()).toBe(200)
	expect(await patched.json()).toMatchObject({ id, active: false })

	// Their browser's next request finds the session gone.
	await staff.goto('/dashboard')
	await expect(staff).toHaveURL(/\/login/)
	await staffContext.close()

	// The admin reads what happened in the organisation's audit log, with the token's prefix.
	await page.goto(`/org/${ORG}/audit?person=${encodeURIComponent(email)}`)
	await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
	const log = page.getByRole('table', { name: /Audit log of Riverside Academy Trust/ })
	await expect(log.getByRole('row').filter({ hasText: 'scim.user_deactivated' })).toBeVisible()
	await expect(log.getByRole('row').filter({ hasText: 'scim.user_created' })).toBeVisible()
	await expect(log.getByText(`token ${token.slice(0, 18)}…`).first()).toBeVisible()
	await page.screenshot({ path: test.info().outputPath('audit-filtered.png'), fullPage: true })
	await a11y()

	// The whole log has the seed's entries too, and the CSV downloads.
	await page.goto(`/org/${ORG}/audit`)
	await expect(page.getByText(/Showing 1–\d+ of \d+ entries, newest first\./)).toBeVisible()
	await page.screenshot({ path: test.info().outputPath('audit.png'), fullPage: true })
	await a11y()
	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download these entries as CSV' }).click()
	expect((await download).suggestedFilename()).toMatch(/^riverside-academy-trust-audit-log-.*\.csv$/)

	// A revoked token stops working at once.
	await page.goto(`/org/${ORG}/settings/provisioning`)
	await page
		.getByRole('table', { name: /SCIM tokens of/ })
		.getByRole('row', { name: /Entra ID \(browser test\)/ })
		.getByRole('link', { name: /Revoke/ })
		.click()
	await expect(page.getByRole('region', { name: /Revoke the token/ })).toBeFocused()
	await a11y()
	await page.getByRole('button', { name: 'Yes, revoke it' }).click()
	await expect(page.getByText('The token has been revoked.')).toBeVisible()
	expect((await request.get('/scim/v2/Users', { headers })).status()).toBe(401)
})

test('platform admins read the whole audit log', async ({ page, a11y }) => {
	// Platform admins use two-step sign-in (the demo admin has the demo authenticator key).
	await page.goto('/login')
	await logInWithDemoTotp(page, 'admin@circle.example')
	await page.goto('/admin/audit')
	await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
	await expect(
		page.getByRole('table', { name: 'Audit log' }).getByText('Riverside Academy Trust').first(),
	).toBeVisible()
	await page.screenshot({ path: test.info().outputPath('admin-audit.png'), fullPage: true })
	await a11y()
})
