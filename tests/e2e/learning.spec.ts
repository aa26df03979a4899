import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { course } from '../../prisma/seed-content/foundations.ts'
import type { SeedLesson, SeedQuestion } from '../../prisma/seed-content/types.ts'
import { expect, pressPlay, test, uniqueEmail } from './fixtures.ts'

type QuizLesson = Extract<SeedLesson, { kind: 'QUIZ' }>
type MarkedQuestion = Extract<SeedQuestion, { kind: 'SINGLE' | 'MULTIPLE' }>

async function signUp(page: Page) {
	await page.goto('/signup')
	await page.getByLabel('Full name').fill('Nguyễn Thị Minh Khai')
	await page.getByLabel('Email address').fill(uniqueEmail('learning'))
	await page.getByLabel('Password').fill('restorative circles every morning')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
}

function questionFieldset(page: Page, prompt: string) {
	return page.locator('fieldset').filter({ has: page.locator('legend', { hasText: prompt }) })
}

/** Answers every question; marked ones right or (deliberately) wrong. */
async function answerQuiz(page: Page, quiz: QuizLesson, { right, reflection }: { right: boolean; reflection: string }) {
	for (const q of quiz.questions) {
		if (q.kind === 'REFLECTION') {
			const box = page.getByLabel(q.prompt)
			await box.fill(reflection)
			continue
		}
		const fieldset = questionFieldset(page, q.prompt)
		if (q.kind === 'SCALE') {
			await fieldset.getByRole('radio').nth(2).check()
			continue
		}
		const marked = q as MarkedQuestion
		const chosen = right ? marked.options.filter((o) => o.isCorrect) : [marked.options.find((o) => !o.isCorrect)!]
		for (const option of chosen) await fieldset.getByLabel(option.text, { exact: true }).check()
	}
}

async function watchVideo(page: Page) {
	const player = await pressPlay(page)
	// Played for real, a little faster than normal speed (the player offers up to 2×).
	await player.evaluate(
		async (el: HTMLElement & { muted: boolean; playbackRate: number; play: () => Promise<void> }) => {
			el.muted = true
			el.playbackRate = 1.5
			await el.play()
		},
	)
	await expect(page.getByText('Watched: this lesson is complete.', { exact: true })).toBeVisible({ timeout: 60_000 })
}

test('a new learner takes the free course from enrolment to completion', async ({ page, a11y }) => {
	test.setTimeout(300_000)
	await signUp(page)

	await page.goto(`/courses/${course.slug}`)
	await page.getByRole('button', { name: 'Enrol for free' }).filter({ visible: true }).click()
	await expect(page).toHaveURL(new RegExp(`/learn/${course.slug}/`))

	const lessons = course.modules.flatMap((m) => m.lessons)
	const checked = new Set<string>()
	let failedOnce = false
	for (const [index, lesson] of lessons.entries()) {
		await expect(page.locator('#lesson-title')).toHaveText(lesson.title)
		if (!checked.has(lesson.kind)) {
			checked.add(lesson.kind)
			await a11y()
		}

		if (lesson.kind === 'VIDEO') {
			await watchVideo(page)
		} else if (lesson.kind === 'READING') {
			await page.getByRole('button', { name: /Mark as done/ }).click()
		} else {
			const reflection = `In my team I will try fair process before the next rota change (${lesson.key}).`
			if (!failedOnce) {
				failedOnce = true
				await answerQuiz(page, lesson, { right: false, reflection })
				await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
				await page.getByRole('button', { name: 'Submit answers' }).click()
				await expect(page.getByRole('heading', { name: /Not passed yet/ })).toBeVisible()
				await a11y()

				// The reflection survives a reload and is there for the second attempt.
				await page.reload()
				await page.getByRole('link', { name: 'Try again' }).click()
				const reflectionQuestion = lesson.questions.find((q) => q.kind === 'REFLECTION')!
				await expect(page.getByLabel(reflectionQuestion.prompt)).toHaveValue(reflection)
			}
			await answerQuiz(page, lesson, { right: true, reflection })
			await page.getByRole('button', { name: 'Submit answers' }).click()
			await expect(page.getByRole('heading', { name: /Passed/ })).toBeVisible()
			if (index < lessons.length - 1) await page.locator('a[rel="next"]').first().click()
		}
		if (lesson.kind === 'VIDEO' && index < lessons.length - 1) await page.locator('a[rel="next"]').first().click()
	}

	await expect(page.getByText('You have completed this course')).toBeVisible()
	await page.goto('/dashboard')
	const completed = page.locator('section', { has: page.getByRole('heading', { name: 'Completed' }) })
	await expect(completed.getByRole('link', { name: course.title, exact: true })).toBeVisible()
	await a11y()

	// The certificate: a real PDF download, and a verification page that says what it says.
	const downloadPromise = page.waitForEvent('download')
	await completed.getByRole('link', { name: /Download certificate/ }).click()
	const download = await downloadPromise
	expect(download.suggestedFilename()).toMatch(/^circle-certificate-CIRC-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}\.pdf$/)
	const pdf = fs.readFileSync((await download.path())!)
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

	await completed.getByRole('link', { name: /Verification page/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/valid/i)
	await expect(page.locator('#main').getByText('Nguyễn Thị Minh Khai')).toBeVisible()
	await expect(page.locator('#main').getByText(course.title).first()).toBeVisible()
	await a11y()
})
