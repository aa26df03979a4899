import fs from 'node:fs'
import path from 'node:path'
import { type APIRequestContext, type Page, test } from '@playwright/test'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import { DEMO_TOTP_ACCOUNTS, DEMO_TOTP_SECRET } from '../../prisma/demo-totp.ts'
import { expect } from './fixtures.ts'

// Circle accepts each 30-second step of an authenticator app once per account, and never a step
// older than the last one used (a used code cannot be replayed). The browser tests sign the demo
// trainer and admin in many times, from two workers at once. So a sign-in's second step runs under
// a per-account lock shared by the workers (a directory), and takes a step no earlier sign-in of
// that account used: the current one or the next (Circle accepts one step either side), waiting
// for the clock when both are taken. Submitting under the lock keeps the steps in order.

const STEP_MS = 30_000
const dir = path.resolve(import.meta.dirname, '../.tmp')
const ledger = path.join(dir, 'e2e-totp-steps.json')

/** A code of `secretBase32` for a TOTP step. */
export function totpCodeForStep(secretBase32: string, step: number) {
	return generateHOTP(decodeBase32IgnorePadding(secretBase32.replace(/\s+/g, '').toUpperCase()), BigInt(step), 6)
}

/** The code an authenticator app shows now. */
export function currentTotpCode(secretBase32: string) {
	return totpCodeForStep(secretBase32, Math.floor(Date.now() / STEP_MS))
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function withLock<T>(account: string, run: () => Promise<T>): Promise<T> {
	const lock = path.join(dir, `e2e-totp-${account.replace(/[^a-z0-9]/gi, '_')}.lock`)
	fs.mkdirSync(dir, { recursive: true })
	for (;;) {
		try {
			fs.mkdirSync(lock)
			break
		} catch {
			// A lock left by a crashed worker is stale after a minute (a holder needs at most ~40 s).
			const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
			if (age > 60_000) fs.rmSync(lock, { recursive: true, force: true })
			await sleep(100)
		}
	}
	try {
		return await run()
	} finally {
		fs.rmSync(lock, { recursive: true, force: true })
	}
}

/**
 * Runs `submit` with a code for `account` (any key: an email) from `secret` that no earlier call
 * for that account has used, holding the account's lock until it has been submitted. Waiting (for
 * the lock or the clock) is not the test being slow, so the test gets a minute more.
 */
export async function withNextTotpCode<T>(
	account: string,
	submit: (code: string) => Promise<T>,
	secret: string = DEMO_TOTP_SECRET,
): Promise<T> {
	const info = test.info()
	info.setTimeout(info.timeout + 60_000)
	return withLock(account, async () => {
		for (;;) {
			const used: Record<string, number> = fs.existsSync(ledger) ? JSON.parse(fs.readFileSync(ledger, 'utf8')) : {}
			const current = Math.floor(Date.now() / STEP_MS)
			const step = Math.max(current, (used[account] ?? 0) + 1)
			if (step <= current + 1) {
				// Other accounts' entries may be written meanwhile by the other worker: re-read before writing.
				const latest = fs.existsSync(ledger) ? JSON.parse(fs.readFileSync(ledger, 'utf8')) : {}
				fs.writeFileSync(ledger, JSON.stringify({ ...latest, [account]: step }))
				return submit(totpCodeForStep(secret, step))
			}
			await sleep(STEP_MS - (Date.now() % STEP_MS) + 100)
		}
	})
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
	await withNextTotpCode(email, async (code) => {
		await page.getByLabel('Code from your authenticator app').fill(code)
		await page.getByRole('button', { name: 'Continue' }).click()
		await expect(page).not.toHaveURL(/\/login/)
	})
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
	const verify = await withNextTotpCode(email, (code) =>
		request.post('/login/verify', { form: { method: 'totp', code }, headers: { Origin: origin }, maxRedirects: 0 }),
	)
	expect(verify.status(), `second step for ${email}`).toBe(302)
	expect(verify.headers()['location']).not.toMatch(/^\/login/)
	return verify
}
