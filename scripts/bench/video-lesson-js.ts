/**
 * The JavaScript a video lesson downloads, as a browser sees it: a new learner signs up, enrols in
 * the free demo course and opens its first lesson (a video); once the network has been quiet for a
 * few seconds, the page's own Resource Timing entries give every script's bytes on the wire
 * (gzip, as the server sends them). Then "Play video" is pressed and the count taken again. Run
 * against a server with the demo content (`E2E_PORT=4110 npx tsx tests/e2e/server.ts`):
 *
 *   npx tsx scripts/bench/video-lesson-js.ts --url http://localhost:4110 [--runs 3]
 *
 * Prints the load average beside each figure. Chromium from --chromium (default /usr/bin/chromium).
 */
import os from 'node:os'
import { chromium, type Page } from '@playwright/test'
import { course } from '../../prisma/seed-content/foundations.ts'

function argument(name: string, fallback?: string) {
	const i = process.argv.indexOf(`--${name}`)
	const value = i >= 0 ? process.argv[i + 1] : fallback
	if (value === undefined) throw new Error(`--${name} is required`)
	return value
}

const url = argument('url')
const runs = Number(argument('runs', '3'))

/** Scripts the page has fetched so far: how many, and their bytes on the wire and unpacked. */
function scripts(page: Page) {
	return page.evaluate(() => {
		const entries = performance
			.getEntriesByType('resource')
			.filter((e): e is PerformanceResourceTiming => new URL(e.name).pathname.endsWith('.js'))
		return {
			files: entries.length,
			gzipKb: entries.reduce((t, e) => t + e.encodedBodySize, 0) / 1024,
			rawKb: entries.reduce((t, e) => t + e.decodedBodySize, 0) / 1024,
			player: customElements.get('mux-player') !== undefined,
		}
	})
}

const browser = await chromium.launch({
	executablePath: argument('chromium', '/usr/bin/chromium'),
	args: ['--no-sandbox', '--disable-gpu'],
})
for (let run = 1; run <= runs; run++) {
	const context = await browser.newContext({ baseURL: url, locale: 'en-GB' })
	const page = await context.newPage()
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Bench Learner')
	await page.getByLabel('Email address').fill(`bench-video-${Date.now()}-${run}@example.com`)
	await page.getByLabel('Password').fill('restorative circles every morning')
	await page.getByRole('button', { name: 'Create account' }).click()
	await page.waitForURL(/\/dashboard/)
	await page.goto(`/courses/${course.slug}`)
	await page.getByRole('button', { name: 'Enrol for free' }).filter({ visible: true }).click()
	await page.waitForURL(new RegExp(`/learn/${course.slug}/`))
	// A fresh load of the lesson, as a learner arriving from a link or a bookmark: nothing cached.
	const lessonUrl = page.url()
	const fresh = await context.newPage()
	const cdp = await context.newCDPSession(fresh)
	await cdp.send('Network.enable')
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
	await fresh.goto(lessonUrl, { waitUntil: 'networkidle' })
	await fresh.waitForTimeout(3_000)
	const onLoad = await scripts(fresh)
	let afterPlay = onLoad
	const play = fresh.getByRole('button', { name: 'Play video' })
	if ((await play.count()) > 0) {
		await play.press('Enter')
		await fresh.locator('mux-player').waitFor()
		await fresh.waitForLoadState('networkidle')
		afterPlay = await scripts(fresh)
	}
	const load = os
		.loadavg()
		.map((n) => n.toFixed(2))
		.join(' ')
	console.log(
		`run ${run}: on load ${onLoad.files} files, ${onLoad.gzipKb.toFixed(1)} KB gzip (${onLoad.rawKb.toFixed(1)} KB raw), player loaded: ${onLoad.player}; ` +
			`after play ${afterPlay.files} files, ${afterPlay.gzipKb.toFixed(1)} KB gzip; load average ${load}`,
	)
	await context.close()
}
await browser.close()
