import type { Page } from '@playwright/test'
import { course as parents } from '../../prisma/seed-content/parents-carers.ts'
import type { SeedLesson, SeedQuestion } from '../../prisma/seed-content/types.ts'
import { expect, pressPlay, test, uniqueEmail } from './fixtures.ts'

// Where keyboard and screen reader focus lands after things that change the page without a full
// load: client-side navigations, "Mark as done and continue", submitting a quiz. The parents and
// carers course is taken in any order, so its reading and quiz can be reached without first
// watching its video.

type QuizLesson = Extract<SeedLesson, { kind: 'QUIZ' }>
type MarkedQuestion = Extract<SeedQuestion, { kind: 'SINGLE' | 'MULTIPLE' }>

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const price = gbp.format(parents.pricePence / 100)
const [video, reading, quiz] = parents.modules[0]!.lessons as [SeedLesson, SeedLesson, QuizLesson]

async function signUpAndBuy(page: Page) {
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Mererid ap Dafydd')
	await page.getByLabel('Email address').fill(uniqueEmail('focus'))
	await page.getByLabel('Password').fill('restorative circles every morning')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await page.goto(`/courses/${parents.slug}/buy`)
	await page.getByRole('button', { name: `Buy for myself — ${price}` }).click()
	await page.getByRole('button', { name: `Pay ${price} (demo)` }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are enrolled')
}

/** The focused element's id and text, read in the page. */
function focused(page: Page) {
	return page.evaluate(() => ({
		id: document.activeElement?.id ?? '',
		tag: document.activeElement?.tagName.toLowerCase() ?? '',
		text: (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '',
	}))
}

test('focus lands on the new heading after client-side navigations, "Mark as done and continue" and a quiz submission', async ({
	page,
	a11y,
}) => {
	test.setTimeout(180_000)
	await signUpAndBuy(page)

	// A client-side navigation from the receipt to the course: focus on the lesson's title.
	await page.getByRole('link', { name: 'Start learning' }).click()
	await expect(page.locator('#lesson-title')).toHaveText(video.title)
	await expect.poll(() => focused(page)).toMatchObject({ id: 'lesson-title', text: video.title })
	await a11y()

	// To the reading through the course outline: the new lesson's title again.
	await page.getByRole('navigation', { name: 'Previous and next lessons' }).getByRole('link', { name: /Next/ }).click()
	await expect(page.locator('#lesson-title')).toHaveText(reading.title)
	await expect.poll(() => focused(page)).toMatchObject({ id: 'lesson-title', text: reading.title })

	// "Mark as done and continue": the quiz's title, not the page body.
	await page.getByRole('button', { name: 'Mark as done and continue' }).click()
	await expect(page.locator('#lesson-title')).toHaveText(quiz.title)
	await expect.poll(() => focused(page)).toMatchObject({ id: 'lesson-title', tag: 'h1', text: quiz.title })
	await a11y()

	// Submitting the quiz: the result, which is what a screen reader then reads.
	for (const q of quiz.questions) {
		if (q.kind === 'REFLECTION') {
			await page.getByLabel(q.prompt).fill('I will name the feeling before I name the rule.')
			continue
		}
		const fieldset = page.locator('fieldset').filter({ has: page.locator('legend', { hasText: q.prompt }) })
		if (q.kind === 'SCALE') {
			await fieldset.getByRole('radio').first().check()
			continue
		}
		for (const option of (q as MarkedQuestion).options.filter((o) => o.isCorrect)) {
			await fieldset.getByLabel(option.text, { exact: true }).check()
		}
	}
	await page.getByRole('button', { name: 'Submit answers' }).click()
	await expect(page.getByRole('heading', { level: 2, name: /Passed: you scored/ })).toBeVisible()
	await expect.poll(() => focused(page)).toMatchObject({ id: 'quiz-result', tag: 'h2' })
	expect((await focused(page)).text).toMatch(/^Passed: you scored \d+%$/)
	await a11y()

	// A link in the site header is a client-side navigation too: the heading of "My learning".
	await page.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'My learning' }).click()
	await expect(page).toHaveURL(/\/dashboard$/)
	await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1' })
	await a11y()
})

test('a video resumes where it was left before a reload, and loads no casting script', async ({ page, a11y }) => {
	test.setTimeout(180_000)
	await signUpAndBuy(page)
	await page.getByRole('link', { name: 'Start learning' }).click()
	await expect(page.locator('#lesson-title')).toHaveText(video.title)
	await a11y()

	// The poster's "Play video" is the next stop by Tab from the lesson's title; Enter loads the player
	// and puts keyboard focus in it: its focus ring is drawn in full, not cut off by the rounded frame
	// (see the screenshot).
	await page.locator('#lesson-title').focus()
	await page.keyboard.press('Tab')
	await expect(page.getByRole('button', { name: 'Play video' })).toBeFocused()
	await page.keyboard.press('Enter')
	const player = page.locator('mux-player')
	await expect(player).toBeVisible({ timeout: 20_000 })
	await expect(player).toBeFocused()
	const box = (await player.boundingBox())!
	await page.screenshot({
		path: test.info().outputPath('video-player-focused.png'),
		clip: { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 },
	})

	// Played for about three seconds, less than one ~10 s report: only the final report, sent as the
	// page goes, knows these seconds.
	await player.evaluate(async (el: HTMLElement & { muted: boolean; play: () => Promise<void> }) => {
		el.muted = true
		await el.play()
	})
	await expect
		.poll(() => player.evaluate((el: HTMLElement & { currentTime: number }) => el.currentTime), { timeout: 20_000 })
		.toBeGreaterThan(3)
	const leftAt = await player.evaluate((el: HTMLElement & { currentTime: number }) => el.currentTime)
	await page.reload()
	await pressPlay(page)
	await expect
		.poll(() => player.evaluate((el: HTMLElement & { currentTime: number }) => el.currentTime), { timeout: 20_000 })
		.toBeGreaterThanOrEqual(Math.floor(leftAt) - 1)

	// …and the server kept that final report: a later visit, in a fresh tab, resumes there too.
	const later = await page.context().newPage()
	await later.goto(page.url())
	const laterPlayer = await pressPlay(later)
	await expect
		.poll(() => laterPlayer.evaluate((el: HTMLElement & { currentTime: number }) => el.currentTime), {
			timeout: 20_000,
		})
		.toBeGreaterThanOrEqual(Math.floor(leftAt) - 1)
	await later.close()

	// Casting is off: Google's sender script (which the CSP would refuse) is never requested.
	expect(await page.locator('script[src*="gstatic.com"]').count()).toBe(0)
})
