import fs from 'node:fs'
import { createRequire } from 'node:module'
import { test as base, expect, type Frame, type Page } from '@playwright/test'

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }

/** The WCAG 2.2 A and AA failures axe-core finds on the page (or frame), with the elements each is found on. */
export async function axeViolations(page: Page | Frame): Promise<AxeViolation[]> {
	await page.addScriptTag({ content: axeSource })
	return page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
		).axe
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
		})
		return result.violations.map(({ id, impact, help, nodes }) => ({
			id,
			impact,
			help,
			nodes: nodes.map((n) => ({ target: n.target })),
		}))
	})
}

/** Runs axe-core on the page for WCAG 2.2 A and AA and fails with a readable list of violations. */
export async function expectAccessible(page: Page | Frame) {
	const summary = (await axeViolations(page)).map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
	)
	expect(summary, `accessibility violations on ${page.url()}`).toEqual([])
}

export function uniqueEmail(prefix = 'learner') {
	return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`
}

export const test = base.extend<{ a11y: (page?: Page) => Promise<void> }>({
	/**
	 * The page, with `goto` waiting (up to 10 s) for React to hydrate an HTML page it opens: a page's
	 * JavaScript is requested after its first paint (ADR 0057), and a click on a button that only
	 * JavaScript handles (a passkey, a form that answers in place) made before then does nothing or
	 * posts natively. Two full runs each lost one test to that race. A page that never hydrates (a
	 * broken bundle) still fails the test's own checks; the wait itself never fails a test.
	 */
	page: async ({ page }, provide) => {
		const goto = page.goto.bind(page)
		page.goto = async (url, options) => {
			const response = await goto(url, options)
			if (response?.headers()['content-type']?.includes('text/html')) {
				await page
					.waitForFunction(
						() => Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__reactFiber')),
						undefined,
						{ timeout: 10_000 },
					)
					.catch(() => undefined)
			}
			return response
		}
		await provide(page)
	},
	a11y: async ({ page }, provide) => {
		await provide((p = page) => expectAccessible(p))
	},
})
export { expect }

/**
 * Presses a video's "Play video" button (the poster the page shows instead of the player, ADR 0055)
 * and waits for the player it loads. `name` is the button's name in the page's language.
 */
export async function pressPlay(page: Page, name = 'Play video') {
	await page.getByRole('button', { name }).click()
	const player = page.locator('mux-player')
	await expect(player).toBeVisible({ timeout: 30_000 })
	return player
}

/**
 * Waits until React has hydrated the element `selector` finds (default the page's <main>): the page's
 * JavaScript is requested only after its first paint (ADR 0057), so a click made as soon as the page
 * shows reaches the server as a plain form post or link, not the hydrated page's handler.
 */
export async function waitForHydration(page: Page, selector = 'main') {
	await page.waitForFunction(
		(s) => Object.keys(document.querySelector(s) ?? {}).some((key) => key.startsWith('__reactFiber')),
		selector,
	)
}

/**
 * Signs up a new learner and enrols them on the free course `courseSlug`, as a visitor does from the
 * course page; resolves with the URL of the lesson the enrolment opens.
 */
export async function signUpAndEnrol(
	page: Page,
	{
		courseSlug,
		name,
		emailPrefix,
		password,
	}: { courseSlug: string; name: string; emailPrefix: string; password: string },
) {
	await page.goto('/signup')
	await page.getByLabel('Full name').fill(name)
	await page.getByLabel('Email address').fill(uniqueEmail(emailPrefix))
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await page.goto(`/courses/${courseSlug}`)
	await page.getByRole('button', { name: 'Enrol for free' }).filter({ visible: true }).click()
	await expect(page).toHaveURL(new RegExp(`/learn/${courseSlug}/`))
	return page.url()
}

/** Signs in with an email address and password, as a person at the login page does, and waits for the dashboard. */
export async function logIn(page: Page, { email, password }: { email: string; password: string }) {
	await page.goto('/login')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
}

/** The ISO date `days` from today in London, and the UK way of writing it ("20 December 2026"). */
export function ukDateFromToday(days: number) {
	const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
	const date = new Date(`${london}T12:00:00Z`)
	date.setUTCDate(date.getUTCDate() + days)
	return {
		iso: date.toISOString().slice(0, 10),
		uk: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
			date,
		),
	}
}

/**
 * In the dev outbox, opens the newest email inviting `email` to take a place (it may take a moment
 * to arrive) and follows its link to the invitation's page.
 */
export async function followInvitationEmail(page: Page, email: string) {
	await expect(async () => {
		await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`)
		await page
			.getByRole('link', { name: /has given you a place/ })
			.first()
			.click({ timeout: 1000 })
	}).toPass({ timeout: 30_000 })
	const acceptHref = await page
		.getByRole('link', { name: /\/invitations\// })
		.first()
		.getAttribute('href')
	expect(acceptHref).toBeTruthy()
	await page.goto(new URL(acceptHref!).pathname)
}

/** Follows the invitation emailed to `email` and creates the account it offers, as a new member of staff does. */
export async function acceptInvitationAsNewPerson(
	page: Page,
	{ email, name, password }: { email: string; name: string; password: string },
) {
	await followInvitationEmail(page, email)
	await page.getByLabel('Full name').fill(name)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Create account and accept' }).click()
}
