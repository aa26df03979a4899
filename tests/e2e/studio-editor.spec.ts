import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

async function logInAsTrainer(page: Page) {
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')
}

/** A new draft course with one module, "Getting started", holding the given lessons. */
async function newCourse(page: Page, lessons: Array<{ title: string; kind: 'Reading' | 'Video' | 'Quiz' }>) {
	const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
	await page.goto('/studio/new')
	await page.getByLabel('Title').fill(`Restorative conversations ${stamp}`)
	await page.getByLabel('Summary').fill('Short conversations that repair harm, step by step.')
	await page.getByRole('main').getByRole('checkbox', { name: 'Schools' }).check()
	await page.getByLabel('CPD hours').fill('1')
	await page.getByLabel('Price (£)').fill('0')
	await page.getByLabel('Learning outcomes').fill('Hold a restorative conversation')
	await page.getByRole('button', { name: 'Create course' }).click()
	await expect(page).toHaveURL(/\/studio\/courses\/[^/]+\?created=1/)
	await page.getByLabel('New module title').fill('Getting started')
	await page.getByRole('button', { name: 'Add module' }).click()
	await expect(page.getByRole('heading', { name: /Getting started/ })).toBeVisible()
	const form = page.getByRole('form', { name: 'Add a lesson to Getting started' })
	for (const lesson of lessons) {
		await form.getByLabel('New lesson title').fill(lesson.title)
		await form.getByLabel('Kind').selectOption({ label: lesson.kind })
		await form.getByRole('button', { name: 'Add lesson' }).click()
		await expect(page.getByRole('status').filter({ hasText: `Lesson “${lesson.title}” added.` })).toBeVisible()
	}
	return page.url().replace(/\?.*$/, '')
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
	await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true })
}

test('the lesson editor saves as the author types, keeps the text over a reload, and its preview is reachable by keyboard', async ({
	page,
	a11y,
}, testInfo) => {
	test.setTimeout(120_000)
	await logInAsTrainer(page)
	await newCourse(page, [{ title: 'What a restorative question is', kind: 'Reading' }])
	await page.getByRole('link', { name: 'What a restorative question is' }).click()
	const markdown = page.getByLabel('Text (Markdown)')
	await expect(markdown).toBeVisible()
	await expect(page.getByRole('status').filter({ hasText: 'Changes save automatically as you type.' })).toBeVisible()
	await a11y()

	// Long enough that the preview scrolls.
	const paragraphs = Array.from(
		{ length: 30 },
		(_, i) => `Paragraph ${i + 1}: what happened, who has been affected, and what needs to happen now?`,
	)
	const text = `## Five questions\n\n${paragraphs.join('\n\n')}`
	await markdown.fill(text)
	const preview = page.getByRole('region', { name: /Preview/ })
	await expect(preview.getByRole('heading', { name: 'Five questions' })).toBeVisible()
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved.' })).toBeVisible({ timeout: 15_000 })
	await screenshot(page, testInfo, 'reading-saved')
	await a11y()

	// The preview is the next stop after the Markdown, and the keyboard scrolls it.
	await markdown.focus()
	await page.keyboard.press('Tab')
	await expect(preview).toBeFocused()
	// Pressed again while polling: on a busy machine the first press can land before the box can scroll.
	await expect
		.poll(async () => {
			await page.keyboard.press('PageDown')
			return preview.evaluate((el) => el.scrollTop)
		})
		.toBeGreaterThan(0)
	await expect(preview).toBeFocused()
	await screenshot(page, testInfo, 'reading-preview-focused')

	await page.reload()
	await expect(page.getByLabel('Text (Markdown)')).toHaveValue(text)
	await expect(page.getByRole('region', { name: /Preview/ }).getByText('Paragraph 30:')).toBeAttached()
	await a11y()
})

test('typing during a save is saved too, and following a link waits for the save', async ({ page, a11y }) => {
	test.setTimeout(120_000)
	await logInAsTrainer(page)
	const builderUrl = await newCourse(page, [{ title: 'Checking in', kind: 'Reading' }])
	await page.getByRole('link', { name: 'Checking in' }).click()
	const markdown = page.getByLabel('Text (Markdown)')
	// Hold the first autosave at the network until more has been typed, so the typing really happens
	// during a save (on a fast machine a save can finish before "Saving…" is ever seen).
	let releaseFirstSave = () => {}
	const firstSaveHeld = new Promise<void>((resolve) => (releaseFirstSave = resolve))
	let held = false
	await page.route(
		(url) => url.pathname.includes('/lessons/'),
		async (route) => {
			if (route.request().method() === 'POST' && !held) {
				held = true
				await firstSaveHeld
			}
			await route.continue()
		},
	)
	await markdown.fill('First thoughts.')
	await expect(page.getByRole('status').filter({ hasText: 'Saving…' })).toBeVisible({ timeout: 15_000 })
	await markdown.pressSequentially(' Second thoughts.')
	releaseFirstSave()
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved.' })).toBeVisible({ timeout: 15_000 })
	// Leave at once after more typing: the change is saved before the builder opens.
	await markdown.pressSequentially(' Third thoughts.')
	await page.getByRole('link', { name: 'Back to the builder' }).click()
	await expect(page).toHaveURL(builderUrl)
	await page.getByRole('link', { name: 'Checking in' }).click()
	await expect(page.getByLabel('Text (Markdown)')).toHaveValue('First thoughts. Second thoughts. Third thoughts.')
	await a11y()
})

test('Move up and Move down keep focus on the moved item and announce its new position', async ({
	page,
	a11y,
}, testInfo) => {
	test.setTimeout(120_000)
	await logInAsTrainer(page)
	await newCourse(page, [
		{ title: 'Opening the circle', kind: 'Reading' },
		{ title: 'The talking piece', kind: 'Reading' },
		{ title: 'Closing the circle', kind: 'Reading' },
	])
	const lessons = page.getByRole('list', { name: 'Lessons in Getting started' })
	const status = page.getByRole('status').filter({ hasText: /moved to position/ })

	const moveDown = page.getByRole('button', { name: 'Move down lesson “Opening the circle”' })
	await moveDown.focus()
	await page.keyboard.press('Enter')
	await expect(status).toHaveText('Lesson moved to position 2 of 3 in its module.')
	await expect(lessons.getByRole('link')).toHaveText(['The talking piece', 'Opening the circle', 'Closing the circle'])
	await expect(moveDown).toBeFocused()
	await a11y()

	// Pressed again, it reaches the end: its Move down button goes, so focus moves to its Move up.
	await page.keyboard.press('Enter')
	await expect(status).toHaveText('Lesson moved to position 3 of 3 in its module.')
	await expect(lessons.getByRole('link')).toHaveText(['The talking piece', 'Closing the circle', 'Opening the circle'])
	const moveUp = page.getByRole('button', { name: 'Move up lesson “Opening the circle”' })
	await expect(moveUp).toBeFocused()

	await page.keyboard.press('Enter')
	await expect(status).toHaveText('Lesson moved to position 2 of 3 in its module.')
	await expect(lessons.getByRole('link')).toHaveText(['The talking piece', 'Opening the circle', 'Closing the circle'])
	await expect(moveUp).toBeFocused()
	await screenshot(page, testInfo, 'builder-after-move')

	// Modules too.
	await page.getByRole('form', { name: 'Add a module' }).getByLabel('New module title').fill('Going further')
	await page.getByRole('button', { name: 'Add module' }).click()
	await expect(page.getByRole('heading', { name: /Going further/ })).toBeVisible()
	const moduleUp = page.getByRole('button', { name: 'Move up module “Going further”' })
	await moduleUp.focus()
	await page.keyboard.press('Enter')
	await expect(page.getByRole('status').filter({ hasText: 'Module moved to position 1 of 2.' })).toBeVisible()
	await expect(page.getByRole('button', { name: 'Move down module “Going further”' })).toBeFocused()
	await a11y()
})

test('a lesson of a published version is shown read-only, with the notice', async ({ page, a11y }, testInfo) => {
	await logInAsTrainer(page)
	await page.goto('/studio')
	await page.getByRole('link', { name: 'Relational Practice in Criminal Justice Settings', exact: true }).click()
	await expect(page.getByText(/Version \d+ is live/)).toBeVisible()
	await page
		.getByRole('list', { name: /Lessons in/ })
		.first()
		.getByRole('link')
		.first()
		.click()
	await expect(page.getByText(/This lesson is part of published version \d+/)).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Lesson settings' })).toBeVisible()
	await expect(page.getByText('Minutes to complete')).toBeVisible()
	await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0)
	await screenshot(page, testInfo, 'published-lesson')
	await a11y()
})
