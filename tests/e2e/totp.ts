import fs from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import { DEMO_TOTP_ACCOUNTS, DEMO_TOTP_SECRET } from '../../prisma/demo-totp.ts'
import { expect } from './fixtures.ts'

// Circle accepts each 30-second step of an authenticator app once per account (a used code cannot
// be replayed), and the browser tests sign the demo trainer and admin in many times, from two
// workers at once. So codes are handed out here, through a file shared by the workers: each
// sign-in gets a step no earlier sign-in of that account used, the current one or the next (Circle
// accepts one step either side), waiting for the clock when both are taken.

const STEP_MS = 30_000
const dir = path.resolve(import.meta.dirname, '../.tmp')
const ledger = path.join(dir, 'e2e-totp-steps.json')
const lock = path.join(dir, 'e2e-totp-steps.lock')

/** A code of `secretBase32` for a TOTP step. */
export function totpCodeForStep(secretBase32: string, step: number) {
	return generateHOTP(decodeBase32IgnorePadding(secretBase32.replace(/\s+/g, '').toUpperCase()), BigInt(step), 6)
}

/** The code an authenticator app shows now. */
export function currentTotpCode(secretBase32: string) {
	return totpCodeForStep(secretBase32, Math.floor(Date.now() / STEP_MS))
}

async function withLock<T>(run: () => T): Promise<T> {
	fs.mkdirSync(dir, { recursive: true })
	for (let tries = 0; ; tries++) {
		try {
			fs.mkdirSync(lock)
			break
		} catch {
			// A lock left by a crashed worker is stale after a few seconds.
			const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
			if (age > 5_000) fs.rmSync(lock, { recursive: true, force: true })
			await new Promise((resolve) => setTimeout(resolve, 50))
		}
	}
	try {
		return run()
	} finally {
		fs.rmSync(lock, { recursive: true, force: true })
	}
}

/**
 * A code for `account` (any key: an email) from `secret` that no earlier call for that account has
 * handed out: for the current step, or the next, waiting until one of them is free.
 */
export async function nextTotpCode(account: string, secret: string = DEMO_TOTP_SECRET) {
	for (;;) {
		const step = await withLock(() => {
			const used: Record<string, number> = fs.existsSync(ledger) ? JSON.parse(fs.readFileSync(ledger, 'utf8')) : {}
			const current = Math.floor(Date.now() / STEP_MS)
			const step = Math.max(current, (used[account] ?? 0) + 1)
			if (step > current + 1) return null
			used[account] = step
			fs.writeFileSync(ledger, JSON.stringify(used))
			return step
		})
		if (step !== null) return totpCodeForStep(secret, step)
		await new Promise((resolve) => setTimeout(resolve, STEP_MS - (Date.now() % STEP_MS) + 100))
	}
}

/**
 * Logs a demo account in through the page: email and password, then (for the trainer and admin,
 * who use two-step sign-in) the code from the demo secret at /login/verify.
 */
export async function logInWithDemoTotp(page: Page, email: string, password = 'circle-demo-2026') {
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password', { exact: true }).fill(password)
	await page.locator('main').getByRole('button', { name: 'Log in' }).click()
	if (!DEMO_TOTP_ACCOUNTS.includes(email)) {
		await expect(page).not.toHaveURL(/\/login/)
		return
	}
	await expect(page).toHaveURL(/\/login\/verify/)
	await page.getByLabel('Code from your authenticator app').fill(await nextTotpCode(email))
	await page.getByRole('button', { name: 'Continue' }).click()
	await expect(page).not.toHaveURL(/\/login/)
}

/** The same for an API request context (no browser): the second step is posted like the form. */
export async function apiLogInWithDemoTotp(request: APIRequestContext, email: string, origin: string) {
	const login = await request.post('/login', {
		form: { email, password: 'circle-demo-2026' },
		headers: { Origin: origin },
		maxRedirects: 0,
	})
	expect(login.status(), `logging in as ${email}`).toBe(302)
	if (login.headers()['location'] !== '/login/verify') return login
	const verify = await request.post('/login/verify', {
		form: { method: 'totp', code: await nextTotpCode(email) },
		headers: { Origin: origin },
		maxRedirects: 0,
	})
	expect(verify.status(), `second step for ${email}`).toBe(302)
	expect(verify.headers()['location']).not.toMatch(/^\/login/)
	return verify
}
