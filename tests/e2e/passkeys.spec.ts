import type { CDPSession, Page } from '@playwright/test'
import { expect, test, uniqueEmail, waitForHydration } from './fixtures.ts'

/**
 * Chromium's virtual authenticator (the DevTools WebAuthn domain) behind this page: a platform
 * authenticator with resident keys and user verification, which answers without a prompt.
 */
async function addVirtualAuthenticator(page: Page) {
	const cdp: CDPSession = await page.context().newCDPSession(page)
	await cdp.send('WebAuthn.enable')
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			automaticPresenceSimulation: true,
		},
	})
	return { cdp, authenticatorId }
}

test('a learner adds a passkey, signs out, and signs back in with it and no password', async ({ page, a11y }) => {
	const { cdp, authenticatorId } = await addVirtualAuthenticator(page)
	const email = uniqueEmail('passkey')

	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Nia Passkey')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill('a long walk on the downs')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.goto('/account/security/passkeys')
	await expect(page.getByRole('heading', { level: 2, name: 'Passkeys' })).toBeVisible()
	await expect(page.getByText('You have no passkeys yet.')).toBeVisible()
	await a11y()

	// The passkey buttons work only once the page's JavaScript has hydrated it (ADR 0057: it is
	// requested after the first paint), so a click before then does nothing.
	await waitForHydration(page)
	await page.getByRole('button', { name: 'Add a passkey' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Passkey added' })).toBeVisible()
	await expect(page.getByRole('heading', { level: 4, name: /^Passkey on Chrome/ })).toBeVisible()
	await expect(page.getByText('Not used yet')).toBeVisible()
	const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
	expect(credentials).toHaveLength(1)
	expect(credentials[0]!.isResidentCredential).toBe(true)
	expect(credentials[0]!.rpId).toBe('localhost')
	await a11y()
	await page.screenshot({ path: 'test-results/passkeys/added.png', fullPage: true })

	// Give it a name the person will recognise.
	await page.getByLabel(/^Name of passkey/).fill('My work laptop')
	await page.getByRole('button', { name: 'Rename' }).click()
	await expect(page.getByRole('heading', { level: 4, name: 'My work laptop' })).toBeVisible()

	await page.locator('summary', { hasText: 'account menu' }).click()
	await page.getByRole('button', { name: /log out/i }).click()
	await expect(page.getByRole('link', { name: /log in/i }).first()).toBeVisible()

	await page.goto('/login')
	await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible()
	await a11y()
	await page.screenshot({ path: 'test-results/passkeys/login.png', fullPage: true })
	// No email, no password: the browser finds the discoverable passkey for localhost.
	await waitForHydration(page)
	await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.goto('/account/security/passkeys')
	await expect(page.getByRole('heading', { level: 4, name: 'My work laptop' })).toBeVisible()
	await expect(page.getByText('Not used yet')).toHaveCount(0)
	await a11y()
	await page.screenshot({ path: 'test-results/passkeys/used.png', fullPage: true })

	// Removing it (the sign-in is recent, so no password is asked for) leaves nothing to sign in with.
	await page.getByRole('button', { name: /Remove/ }).click()
	await expect(page.getByRole('status').filter({ hasText: 'was removed' })).toBeVisible()
	await expect(page.getByText('You have no passkeys yet.')).toBeVisible()
	await a11y()
})

test('signing in with a passkey Circle does not know says so clearly', async ({ page, a11y }) => {
	const { cdp, authenticatorId } = await addVirtualAuthenticator(page)
	await page.goto('/login')
	// A discoverable credential for localhost that was never registered with Circle.
	const { privateKey } = await page.evaluate(async () => {
		const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])
		const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey)
		return { privateKey: btoa(String.fromCharCode(...new Uint8Array(pkcs8))) }
	})
	await cdp.send('WebAuthn.addCredential', {
		authenticatorId,
		credential: {
			credentialId: btoa('an unknown credential'),
			isResidentCredential: true,
			rpId: 'localhost',
			privateKey,
			userHandle: btoa('nobody'),
			signCount: 0,
		},
	})
	await waitForHydration(page)
	await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
	await expect(page.getByRole('alert').filter({ hasText: 'Circle does not know that passkey' })).toBeVisible()
	await expect(page).toHaveURL(/\/login/)
	await a11y()
	await page.screenshot({ path: 'test-results/passkeys/unknown.png', fullPage: true })
})
