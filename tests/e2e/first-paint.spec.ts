import type { Page } from '@playwright/test'
import { course } from '../../prisma/seed-content/foundations.ts'
import { expect, signUpAndEnrol, test, waitForHydration } from './fixtures.ts'

// Nothing the browser downloads holds back the first paint (issue 18, ADR 0057): the production build's
// pages carry their CSS in a <style> in the head instead of a <link rel="stylesheet">, and their
// JavaScript (React Router's preloads and bootstrap module) is requested after the first paint.
// Checked on the pages Lighthouse measures (home, catalogue, course page, a lesson), with what they
// must keep: styled before any JavaScript runs, hydrated, and styled after a client-side navigation.

async function expectNothingHoldsThePaint(page: Page, path: string) {
	const answer = await page.context().request.get(path)
	expect(answer.status(), path).toBe(200)
	const html = await answer.text()
	const head = html.slice(0, html.indexOf('</head>'))
	expect(head, `${path}: a stylesheet link blocks rendering`).not.toMatch(/<link[^>]*rel="stylesheet"/)
	const css = /<style id="circle-styles">([^]*?)<\/style>/.exec(head)?.[1] ?? ''
	expect(css.length, `${path}: the app's CSS is inlined in the head`).toBeGreaterThan(10_000)
	expect(head, `${path}: a classic script in the head blocks parsing`).not.toMatch(/<script[^>]*src=/)
	// No module is requested before the first paint: no preload and no module script in the HTML...
	expect(html, `${path}: modules preloaded before the first paint`).not.toContain('rel="modulepreload"')
	expect(html, `${path}: a module script starts before the first paint`).not.toContain('type="module"')
	// ...but the held script still names every one of them, to request them at once after it.
	expect(html, `${path}: the held script lists the page's modules`).toMatch(
		/\(function \(hrefs, code\)[^]*"\/assets\/entry\.client-/,
	)
}

test('nothing is requested before the first paint of home, catalogue, course page and lesson', async ({ page }) => {
	test.setTimeout(120_000)
	for (const path of ['/', '/courses', `/courses/${course.slug}`]) {
		await expectNothingHoldsThePaint(page, path)
	}

	const lesson = new URL(
		await signUpAndEnrol(page, {
			courseSlug: course.slug,
			name: 'Ffion Paint',
			emailPrefix: 'paint',
			password: 'a first paint with nothing in its way',
		}),
	).pathname
	await expectNothingHoldsThePaint(page, lesson)
})

test('pages are styled before any JavaScript runs', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	for (const path of ['/', '/courses', `/courses/${course.slug}`]) {
		await page.goto(path)
		// The root layout's body is a flex column (Tailwind's `flex`): without the CSS it is a block.
		expect(await page.evaluate(() => getComputedStyle(document.body).display), path).toBe('flex')
		expect(
			await page
				.locator('h1')
				.first()
				.evaluate((h) => getComputedStyle(h).fontWeight),
			path,
		).toBe('700')
	}
	await context.close()
})

test('the page hydrates, and a client-side navigation keeps it styled', async ({ page }) => {
	await page.goto('/')
	await waitForHydration(page)
	// Survives only a navigation within the document: a full page load would start a new window.
	await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
	await page.getByRole('main').getByRole('link', { name: 'Browse courses' }).first().click()
	await expect(page).toHaveURL(/\/courses$/)
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
	await expect(page.locator('style#circle-styles')).toHaveCount(1)
	expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex')
	expect(
		await page
			.locator('h1')
			.first()
			.evaluate((h) => getComputedStyle(h).fontWeight),
	).toBe('700')
})
