import type { Page } from '@playwright/test'
import { expect, pressPlay, test, uniqueEmail } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

async function logInAsTrainer(page: Page) {
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')
}

async function addLesson(page: Page, title: string, kind: 'Reading' | 'Video' | 'Quiz') {
	const form = page.getByRole('form', { name: 'Add a lesson to Getting started' })
	await form.getByLabel('New lesson title').fill(title)
	await form.getByLabel('Kind').selectOption({ label: kind })
	await form.getByRole('button', { name: 'Add lesson' }).click()
	await expect(page.getByRole('status').filter({ hasText: `Lesson “${title}” added.` })).toBeVisible()
}

async function expectSaved(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved.' })).toBeVisible({ timeout: 15_000 })
}

test('a trainer builds, previews and publishes a course; a learner enrols and sees its lessons', async ({
	page,
	browser,
	a11y,
}) => {
	test.setTimeout(180_000)
	const stamp = Date.now().toString(36)
	const title = `Restorative circles in practice ${stamp}`
	const slug = `restorative-circles-in-practice-${stamp}`

	await logInAsTrainer(page)
	await page.goto('/studio/new')
	await page.getByLabel('Title').fill(title)
	await expect(page.getByLabel('Web address')).toHaveValue(slug)
	await page.getByLabel('Summary').fill('How to run a restorative circle with a team, step by step.')
	await page.getByRole('main').getByRole('checkbox', { name: 'Schools' }).check()
	await page.getByLabel('CPD hours').fill('1')
	await page.getByLabel('Price (£)').fill('0')
	await page.getByLabel('Learning outcomes').fill('Plan a circle\nFacilitate a circle')
	await page.getByRole('button', { name: 'Create course' }).click()
	await expect(page).toHaveURL(/\/studio\/courses\/[^/]+\?created=1/)
	const builderUrl = page.url().replace(/\?.*$/, '')
	await expect(page.getByText('Draft: not published yet')).toBeVisible()
	await a11y()

	// One module with a lesson of each kind.
	await page.getByLabel('New module title').fill('Getting started')
	await page.getByRole('button', { name: 'Add module' }).click()
	await expect(page.getByRole('heading', { name: /Getting started/ })).toBeVisible()
	await addLesson(page, 'Why circles work', 'Reading')
	await addLesson(page, 'A circle in action', 'Video')
	await addLesson(page, 'Check your understanding', 'Quiz')

	// Reorder with the keyboard buttons: the quiz moves above the video.
	const moveUp = page.getByRole('button', { name: 'Move up lesson “Check your understanding”' })
	await moveUp.focus()
	await page.keyboard.press('Enter')
	await expect(
		page.getByRole('status').filter({ hasText: 'Lesson moved to position 2 of 3 in its module.' }),
	).toBeVisible()
	await expect(page.getByRole('list', { name: 'Lessons in Getting started' }).getByRole('link')).toHaveText([
		'Why circles work',
		'Check your understanding',
		'A circle in action',
	])
	await a11y()

	// Reading: Markdown with a live preview.
	await page.getByRole('link', { name: 'Why circles work' }).click()
	await expect(page.getByLabel('Text (Markdown)')).toBeVisible()
	// A second tab has the same lesson open: whichever saves second is told, and keeps its text.
	const other = await page.context().newPage()
	await other.goto(page.url())
	await expect(other.getByLabel('Text (Markdown)')).toBeVisible()
	await page
		.getByLabel('Text (Markdown)')
		.fill('## Sitting in a circle\n\nEveryone can see everyone: **nobody is at the head**.')
	const preview = page.getByRole('region', { name: /Preview/ })
	await expect(preview.getByRole('heading', { name: 'Sitting in a circle' })).toBeVisible()
	await expect(preview.locator('strong')).toHaveText('nobody is at the head')
	await expectSaved(page)
	await a11y()
	await other.getByLabel('Text (Markdown)').fill('My own opening paragraph')
	await expect(
		other.getByRole('alert').filter({
			hasText:
				'Someone else saved this lesson since you opened it — reload to see their changes; your text is kept below.',
		}),
	).toBeVisible({ timeout: 15_000 })
	await expect(other.getByLabel('Text (Markdown)')).toHaveValue('My own opening paragraph')
	await a11y(other)
	await other.close()

	// Video: a pasted address, its duration and captions.
	await page.goto(builderUrl)
	await page.getByRole('link', { name: 'A circle in action' }).click()
	await page.getByLabel('Video address').fill('/media/demo-lesson.mp4')
	await page.getByLabel('Duration (seconds)').fill('30')
	await page.getByLabel('Captions (WebVTT .vtt address)').fill('/media/demo-lesson.en.vtt')
	await a11y()
	await page.getByLabel('Transcript (optional)').fill('A facilitator opens the circle with a check-in question.')
	// Leaving straight away saves first (publishing below needs the video and its duration).
	await page.getByRole('link', { name: 'Back to the builder' }).click()
	await expect(page).toHaveURL(builderUrl)

	// Quiz: a single-choice question; its error shows until a right answer is marked.
	await page.getByRole('link', { name: 'Check your understanding' }).click()
	await page.getByRole('button', { name: 'Add question' }).click()
	await page.getByLabel('Question', { exact: true }).fill('Who speaks in a circle?')
	await page.getByLabel('Answer 1', { exact: true }).fill('Whoever holds the talking piece')
	await page.getByLabel('Answer 2', { exact: true }).fill('Only the facilitator')
	await page.getByLabel('Feedback for answer 2 (optional)').fill('The facilitator takes part like everyone else.')
	await expect(page.getByText(/no answer is marked correct/)).toBeVisible({ timeout: 10_000 })
	await page.getByRole('checkbox', { name: 'Right answer (answer 1)' }).check()
	await expectSaved(page)
	await expect(page.getByText(/no answer is marked correct/)).toHaveCount(0)
	await a11y()

	// Preview: labelled, the quiz can be tried, nothing is stored.
	await page.goto(`${builderUrl}/preview`)
	await expect(page.getByText('Preview', { exact: true })).toBeVisible()
	await expect(page.locator('#lesson-title')).toHaveText('Why circles work')
	await expect(page.getByRole('heading', { name: 'Sitting in a circle' })).toBeVisible()
	await a11y()
	await page.getByRole('link', { name: 'A circle in action' }).first().click()
	await pressPlay(page)
	await page.locator('summary', { hasText: 'Transcript' }).click()
	await expect(page.getByText('A facilitator opens the circle with a check-in question.')).toBeVisible()
	await page.getByRole('link', { name: 'Check your understanding' }).first().click()
	await page.getByLabel('Whoever holds the talking piece').check()
	await page.getByRole('button', { name: 'Submit answers' }).click()
	await expect(page.getByRole('heading', { name: /Passed: you scored 100%/ })).toBeVisible()
	await a11y()

	// Publish.
	await page.goto(`${builderUrl}/publish`)
	await expect(page.getByText('Everything needed is in place.')).toBeVisible()
	await a11y()
	await page.getByLabel('Change note (optional)').fill('First version')
	await page.getByRole('button', { name: 'Publish version 1' }).click()
	await expect(page.getByText('Version 1 is published')).toBeVisible()
	await expect(page.getByText('Published', { exact: true })).toBeVisible()
	await a11y()

	// A new learner enrols in the free course and sees its lessons in the new order.
	const context = await browser.newContext()
	const learner = await context.newPage()
	await learner.goto('/signup')
	await learner.getByLabel('Full name').fill('Siobhán Ní Bhriain')
	await learner.getByLabel('Email address').fill(uniqueEmail('studio'))
	await learner.getByLabel('Password').fill('restorative circles every morning')
	await learner.getByRole('button', { name: 'Create account' }).click()
	await expect(learner).toHaveURL(/\/dashboard/)
	await learner.goto(`/courses/${slug}`)
	await a11y(learner)
	await learner.getByRole('button', { name: 'Enrol for free' }).filter({ visible: true }).click()
	await expect(learner).toHaveURL(new RegExp(`/learn/${slug}/`))
	await expect(learner.locator('#lesson-title')).toHaveText('Why circles work')
	await expect(learner.getByRole('heading', { name: 'Sitting in a circle' })).toBeVisible()
	const outline = learner.getByRole('navigation', { name: 'Course outline' }).filter({ visible: true })
	await expect(outline.getByText('Check your understanding')).toBeVisible()
	await expect(outline.getByText('A circle in action')).toBeVisible()
	await a11y(learner)
	await context.close()
})
