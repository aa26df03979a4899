import type { Page } from '@playwright/test'
import { course } from '../../prisma/seed-content/foundations.ts'
import { expect, signUpAndEnrol, test } from './fixtures.ts'

// A video lesson shows its poster and a "Play video" button, not the player (ADR 0055): the page
// downloads no player until the learner asks for one, and the poster takes the player's place
// exactly, so nothing moves when it arrives.

function enrolInFreeCourse(page: Page) {
	return signUpAndEnrol(page, {
		courseSlug: course.slug,
		name: 'Nia Facade',
		emailPrefix: 'facade',
		password: 'restorative circles every morning',
	})
}

const isScript = (url: string) => new URL(url).pathname.endsWith('.js')

test('a video lesson loads no player until Play video is pressed, by keyboard, and the poster passes axe', async ({
	page,
	a11y,
}) => {
	test.setTimeout(120_000)
	const lessonUrl = await enrolInFreeCourse(page)

	// A fresh load of the lesson, every script it asks for noted.
	const requested: string[] = []
	page.on('request', (request) => {
		if (isScript(request.url())) requested.push(request.url())
	})
	await page.goto(lessonUrl, { waitUntil: 'networkidle' })
	const play = page.getByRole('button', { name: 'Play video' })
	await expect(play).toBeEnabled()
	await expect(page.getByText(/^Length \d+:\d{2} · 0% watched$/)).toBeVisible()
	await a11y()
	// Hovering over or focusing the button would start the download early (a hint): nothing has yet.
	expect(await page.evaluate(() => customElements.get('mux-player') === undefined)).toBe(true)
	expect(await page.locator('mux-player').count()).toBe(0)
	const beforePlay = new Set(requested)
	const poster = (await play.locator('xpath=ancestor::div[contains(@class, "aspect-video")][1]').boundingBox())!

	// By keyboard: Tab from the lesson's title to the button, and Space.
	await page.locator('#lesson-title').focus()
	await page.keyboard.press('Tab')
	await expect(play).toBeFocused()
	await page.keyboard.press('Space')
	const player = page.locator('mux-player')
	await expect(player).toBeVisible({ timeout: 30_000 })
	await expect(player).toBeFocused()
	// It plays without a second press: the learner's press was the gesture that allows it.
	await expect
		.poll(() => player.evaluate((el: HTMLElement & { currentTime: number }) => el.currentTime), { timeout: 20_000 })
		.toBeGreaterThan(0.5)

	// The player's own scripts were fetched only now, and none of them before.
	const afterPlay = requested.filter((url) => !beforePlay.has(url))
	expect(afterPlay.length).toBeGreaterThan(0)
	// The poster and the player are the same box: no layout shift when one replaces the other.
	const box = (await player.boundingBox())!
	expect(Math.abs(box.width - poster.width)).toBeLessThan(1)
	expect(Math.abs(box.height - poster.height)).toBeLessThan(1)
	expect(Math.abs(box.y - poster.y)).toBeLessThan(1)
	await player.evaluate((el: HTMLElement & { pause: () => void }) => el.pause())
})

test('a player that fails to load says so, and Try again loads it', async ({ page }) => {
	test.setTimeout(120_000)
	const lessonUrl = await enrolInFreeCourse(page)
	await page.goto(lessonUrl, { waitUntil: 'networkidle' })
	// Offline from here on, for scripts: the player's import fails.
	await page.route(
		(url) => isScript(url.href),
		(route) => route.abort('internetdisconnected'),
	)
	await page.getByRole('button', { name: 'Play video' }).click()
	await expect(
		page.getByText('The video player did not load. Check your connection and try again.').first(),
	).toBeVisible()
	const retry = page.getByRole('button', { name: 'Try again' })
	await expect(retry).toBeFocused()

	await page.unrouteAll()
	await retry.click()
	await expect(page.locator('mux-player')).toBeVisible({ timeout: 30_000 })
	await expect(page.locator('mux-player')).toBeFocused()
})
