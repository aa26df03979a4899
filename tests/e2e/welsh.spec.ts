import type { Page } from '@playwright/test'
import { course } from '../../prisma/seed-content/foundations.ts'
import { expect, logIn, pressPlay, signUpAndEnrol, test } from './fixtures.ts'

// Welsh for learners (ADR 0041): a learner switches to Welsh and takes the foundations course's first
// module, whose Welsh version the demo seeds (prisma/seed-welsh.ts): the interface and the content
// are Welsh throughout, axe passes in Welsh, and a lesson with no Welsh yet says so and is marked English.

function fieldset(page: Page, prompt: string) {
	return page.locator('fieldset').filter({ has: page.locator('legend', { hasText: prompt }) })
}

test('a learner switches to Welsh and takes a lesson in Welsh', async ({ page, a11y }) => {
	test.setTimeout(240_000)
	await signUpAndEnrol(page, {
		courseSlug: course.slug,
		name: 'Gwenllian Morgan',
		emailPrefix: 'cymraeg',
		password: 'dysgu gyda ein gilydd bob dydd',
	})

	// The switch: the lesson comes back in Welsh, interface and content.
	await page
		.getByRole('banner')
		.getByRole('button', { name: /^Cymraeg/ })
		.click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	await expect(page.locator('#lesson-title')).toHaveText('Croeso: beth yw ymarfer adferol (a beth nad yw)')
	await expect(page.locator('#lesson-title')).not.toHaveAttribute('lang', /.+/)
	const outline = page.getByRole('navigation', { name: "Amlinelliad o'r cwrs" }).last()
	await expect(outline.getByText('Sylfeini Ymarfer Adferol')).toBeVisible()
	await expect(outline.getByText('Ffenestr disgyblaeth gymdeithasol')).toBeVisible()
	await expect(page.getByText(/^Tua \d+ mun\.$/)).toBeVisible()
	await page.getByText('Trawsgrifiad', { exact: true }).click()
	await expect(page.getByText(/Helo, a chroeso i Circle/)).toBeVisible()
	await expect(page.getByText('This lesson is in English')).toHaveCount(0)
	await a11y()

	// The video, watched: its messages are Welsh too.
	const player = await pressPlay(page, "Chwarae'r fideo")
	await player.evaluate(
		async (el: HTMLElement & { muted: boolean; playbackRate: number; play: () => Promise<void> }) => {
			el.muted = true
			el.playbackRate = 2
			await el.play()
		},
	)
	await expect(page.getByText("Wedi gwylio: mae'r wers hon wedi'i chwblhau.")).toBeVisible({
		timeout: 60_000,
	})

	// The reading, in Welsh, marked as done.
	await page.getByRole('link', { name: /Nesaf.*Ffenestr disgyblaeth gymdeithasol/ }).click()
	await expect(page.locator('#lesson-title')).toHaveText('Ffenestr disgyblaeth gymdeithasol')
	await expect(page.getByRole('heading', { name: 'Dau gwestiwn am sut rydyn ni’n ymateb' })).toBeVisible()
	await a11y()
	await page.getByRole('button', { name: "Nodi ei fod wedi'i orffen a pharhau" }).click()

	// The quiz, in Welsh, passed.
	await expect(page.locator('#lesson-title')).toHaveText('Gwiriwch eich dealltwriaeth: gweithio GYDA phobl')
	await expect(page.getByText(/^Marc llwyddo: 70%/)).toBeVisible()
	await fieldset(page, 'Nid yw Amir').getByRole('radio').nth(0).check()
	const statements = fieldset(page, 'Pa rai o’r datganiadau hyn')
	await statements.getByRole('checkbox').nth(0).check()
	await statements.getByRole('checkbox').nth(2).check()
	await fieldset(page, 'Mae Joanne yn rheoli').getByRole('radio').nth(2).check()
	await fieldset(page, 'Pa mor hyderus').getByRole('radio').nth(2).check()
	await page
		.getByLabel(/Meddyliwch am sefyllfa ddiweddar/)
		.fill('Ddoe fe wnes i ddatrys problem ar ran cydweithiwr yn lle gofyn beth oedd ei angen arno.')
	await page.getByRole('button', { name: "Cyflwyno'r atebion" }).click()
	await expect(page.getByRole('heading', { name: 'Wedi llwyddo: cawsoch 100%' })).toBeVisible()
	await expect(
		page.getByText('Cywir. Her uchel a chefnogaeth uchel gyda’i gilydd sy’n diffinio ffenestr GYDA.'),
	).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Eich cynigion' })).toBeVisible()
	await a11y()

	// A lesson with no Welsh yet: said so in Welsh, and its English marked as English.
	await page.getByRole('link', { name: /Nesaf.*Proses deg/ }).click()
	await expect(page.locator('#lesson-title')).toHaveText('Proses deg: ymgysylltu, egluro a disgwyliadau clir')
	await expect(page.getByText("Mae'r wers hon yn Saesneg")).toBeVisible()
	await expect(page.locator('[lang="en"]').filter({ hasText: 'Why process matters as much as outcome' })).toBeVisible()
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	await a11y()
})

test('a Welsh learner sees their dashboard and CPD portfolio in Welsh', async ({ page, a11y }) => {
	test.setTimeout(180_000)
	// The demo's Welsh learner (prisma/seed-welsh.ts) chose Welsh on their account: it follows them in.
	await logIn(page, { email: 'dysgwr@circle.example', password: 'circle-demo-2026' })
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy-GB')
	await expect(page.getByRole('heading', { level: 1, name: 'Fy nghyrsiau' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Ar y gweill' })).toBeVisible()
	await a11y()

	await page.goto('/cpd')
	await expect(page.getByRole('heading', { level: 1, name: 'Portffolio DPP' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Lawrlwytho eich portffolio' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Eich pasbort DPP' })).toBeVisible()
	await a11y()
})
