import type { Browser, Page } from '@playwright/test'
import { course as foundations } from '../../prisma/seed-content/foundations.ts'
import { expect, pressPlay, test, uniqueEmail, waitForHydration } from './fixtures.ts'

// Pages under Circle's real Content-Security-Policy: this test's browser context does not bypass it
// (the other tests do, to inject axe), and no script is injected into the pages (axe is not run
// here), so what the console shows is what a learner's browser shows. A CSP violation is reported on the console and as a
// `securitypolicyviolation` event; both are collected.

type Problem = { kind: string; text: string }

async function watchedPage(browser: Browser) {
	const context = await browser.newContext({ bypassCSP: false })
	// Only a listener, run by the browser before the page's own scripts, so it sees violations from the
	// very first one (zod's probe runs as the page loads). It adds nothing the page can see or run.
	await context.addInitScript(() => {
		const seen: string[] = []
		;(window as unknown as { cspViolations: string[] }).cspViolations = seen
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
	})
	const page = await context.newPage()
	const problems: Problem[] = []
	page.on('console', (message) => {
		// Errors only: Media Chrome warns about its own style timing ("No style sheet found on style
		// tag"), which is neither an error nor anything a policy blocked.
		if (message.type() === 'error') problems.push({ kind: 'console.error', text: message.text() })
	})
	page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message }))
	return { context, page, problems }
}

/** The securitypolicyviolation events the page has seen since it loaded. */
function violations(page: Page) {
	return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
}

test('no console errors and no CSP violations on /login, the home page, /cpd and a video lesson', async ({
	browser,
}) => {
	test.setTimeout(120_000)
	const { context, page, problems } = await watchedPage(browser)

	await page.goto('/login')
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	await waitForHydration(page, 'main form')
	// A form validated in the browser: zod runs (and, with its JIT, would probe `new Function`).
	await page.getByRole('button', { name: 'Log in' }).click()
	expect(await violations(page)).toEqual([])

	// The home page's sign-up form and the footer's are hydrated after the rest of the page, each from
	// a chunk of its own (lazy-signup-form.tsx): both hydrate, with no mismatch reported.
	await page.goto('/')
	await waitForHydration(page, '#newsletter-home-form')
	await waitForHydration(page, '#newsletter-footer-form')
	expect(await violations(page)).toEqual([])

	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Tegan Ó Briain')
	await page.getByLabel('Email address').fill(uniqueEmail('csp'))
	await page.getByLabel('Password').fill('restorative circles every morning')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.goto('/cpd')
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	expect(await violations(page)).toEqual([])

	await page.goto(`/courses/${foundations.slug}`)
	await page.getByRole('button', { name: 'Enrol for free' }).filter({ visible: true }).click()
	await expect(page).toHaveURL(new RegExp(`/learn/${foundations.slug}/`))
	const player = await pressPlay(page)
	await player.evaluate(async (el: HTMLElement & { muted: boolean; play: () => Promise<void> }) => {
		el.muted = true
		await el.play()
	})
	expect(await violations(page)).toEqual([])
	await player.evaluate((el: HTMLElement & { pause: () => void }) => el.pause())

	expect(problems).toEqual([])
	await context.close()
})
