// SCORM export, end to end: the trainer downloads the demo course's SCORM 1.2 and SCORM 2004
// packages from the studio; each is unzipped into a temporary folder and served, with a host page
// that plays the part of another LMS using scorm-again (a real SCORM runtime), at http://lms.test/
// (answered by Playwright, no network). The package's launch page opens in a frame under the host,
// a learner completes the course (one quiz failed once, then passed; one passed with a wrong
// answer), and the test reads what scorm-again recorded: status, score, bookmark, commit and finish.
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type { Download, FrameLocator, Page } from '@playwright/test'
import JSZip from 'jszip'
import { course as foundations } from '../../prisma/seed-content/foundations.ts'
import type { SeedLesson, SeedQuestion } from '../../prisma/seed-content/types.ts'
import { expect, expectAccessible, test } from './fixtures.ts'
import { logInWithDemoTotp } from './totp.ts'

const require = createRequire(import.meta.url)
// The browser build (an IIFE that sets window.Scorm12API and window.Scorm2004API): dist/scorm-again.js.
const SCORM_AGAIN = require.resolve('scorm-again')
const LMS = 'http://lms.test'

type Flavour = 'scorm12' | 'scorm2004'

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
}

/** The pretend LMS: scorm-again's API on the host window, and a log of the calls that matter. */
function hostPage(flavour: Flavour, resume: Bookmark | null = null) {
	const [constructor, global, events, setValue] =
		flavour === 'scorm12'
			? ['Scorm12API', 'API', ['LMSInitialize', 'LMSCommit', 'LMSFinish'], 'LMSSetValue']
			: ['Scorm2004API', 'API_1484_11', ['Initialize', 'Commit', 'Terminate'], 'SetValue']
	return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Test LMS</title>
<script src="/scorm-again.js"></script>
<script>
window.lmsLog = [];
window.lmsSet = {};
window.${global} = new ${constructor}({ logLevel: 5 });
${JSON.stringify(events)}.forEach(function (name) {
	window.${global}.on(name, function () { window.lmsLog.push(name); });
});
${resume ? `window.${global}.loadFromJSON(${JSON.stringify(resumeJson(flavour, resume))});` : ''}
// Write-only elements (exit, session time) cannot be read back from cmi: keep what was set.
window.${global}.on('${setValue}.cmi.*', function (element, value) { window.lmsSet[element] = value; });
</script>
</head>
<body>
<main>
<h1>Test LMS</h1>
<iframe title="Course" src="/package/index.html" style="width: 100%; height: 900px; border: 0"></iframe>
</main>
</body>
</html>`
}

type Bookmark = { location: string; suspend: string }

/** A previous, suspended attempt as scorm-again loads it before the SCO initialises. */
function resumeJson(flavour: Flavour, { location, suspend }: Bookmark) {
	return flavour === 'scorm12'
		? { cmi: { core: { lesson_location: location, entry: 'resume' }, suspend_data: suspend } }
		: { cmi: { location, entry: 'resume', suspend_data: suspend } }
}

/** Serves the host page, scorm-again and the unzipped package at http://lms.test/. */
async function serveLms(page: Page, flavour: Flavour, packageDir: string, resume: Bookmark | null = null) {
	await page.route(`${LMS}/**`, async (route) => {
		const { pathname } = new URL(route.request().url())
		if (pathname === '/') return route.fulfill({ contentType: CONTENT_TYPES['.html'], body: hostPage(flavour, resume) })
		if (pathname === '/scorm-again.js') {
			return route.fulfill({ contentType: CONTENT_TYPES['.js'], body: await fs.readFile(SCORM_AGAIN) })
		}
		if (pathname.startsWith('/package/')) {
			const file = path.join(packageDir, ...pathname.slice('/package/'.length).split('/'))
			if (!file.startsWith(packageDir + path.sep)) return route.fulfill({ status: 404 })
			const body = await fs.readFile(file).catch(() => null)
			if (!body) return route.fulfill({ status: 404 })
			return route.fulfill({ contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body })
		}
		return route.fulfill({ status: 404 })
	})
}

async function unzipTo(download: Download) {
	const buffer = Buffer.concat(await (await download.createReadStream()).toArray())
	const zip = await JSZip.loadAsync(buffer)
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circle-scorm-'))
	for (const entry of Object.values(zip.files)) {
		if (entry.dir) continue
		const target = path.join(dir, ...entry.name.split('/'))
		await fs.mkdir(path.dirname(target), { recursive: true })
		await fs.writeFile(target, await entry.async('nodebuffer'))
	}
	return dir
}

const SEED_LESSONS = foundations.modules.flatMap((m) => m.lessons)
type SeedQuiz = Extract<SeedLesson, { kind: 'QUIZ' }>

/** Answers every question; `wrong` lists the questions (by index) answered wrongly on purpose. */
async function answerQuiz(frame: FrameLocator, quiz: SeedQuiz, wrong: number[]) {
	for (const [n, question] of quiz.questions.entries()) {
		const group = frame.getByRole('group', { name: `Question ${n + 1}: ${question.prompt}` })
		await answer(group, question, wrong.includes(n))
	}
	await frame.getByRole('button', { name: 'Submit answers' }).click()
}

async function answer(group: ReturnType<FrameLocator['getByRole']>, question: SeedQuestion, wrong: boolean) {
	if (question.kind === 'REFLECTION') {
		await group.getByLabel('Your reflection').fill('I raised my voice at a colleague; next time I will ask first.')
	} else if (question.kind === 'SCALE') {
		await group.getByRole('radio').first().check()
	} else {
		const chosen = wrong ? [question.options.find((o) => !o.isCorrect)!] : question.options.filter((o) => o.isCorrect)
		for (const option of chosen) await group.getByLabel(option.text, { exact: true }).check()
	}
}

function firstMarked(quiz: SeedQuiz) {
	return quiz.questions.findIndex((q) => q.kind === 'SINGLE')
}

/** The state scorm-again holds for the attempt, read from the host window. */
function lmsState(page: Page, flavour: Flavour) {
	return page.evaluate((flavour) => {
		const w = window as unknown as {
			lmsLog: string[]
			lmsSet: Record<string, string>
			API: { cmi: { core: Record<string, unknown> & { score: Record<string, string> }; suspend_data: string } }
			API_1484_11: {
				cmi: Record<string, unknown> & { score: Record<string, string> }
			}
		}
		if (flavour === 'scorm12') {
			const cmi = w.API.cmi
			return {
				log: w.lmsLog,
				status: cmi.core.lesson_status,
				location: cmi.core.lesson_location,
				raw: cmi.core.score.raw,
				min: cmi.core.score.min,
				max: cmi.core.score.max,
				exit: w.lmsSet['cmi.core.exit'],
				sessionTime: w.lmsSet['cmi.core.session_time'],
				suspend: cmi.suspend_data,
			}
		}
		const cmi = w.API_1484_11.cmi
		return {
			log: w.lmsLog,
			completion: cmi.completion_status,
			success: cmi.success_status,
			scaled: cmi.score.scaled,
			raw: cmi.score.raw,
			min: cmi.score.min,
			max: cmi.score.max,
			progress: cmi.progress_measure,
			location: cmi.location,
			exit: w.lmsSet['cmi.exit'],
			sessionTime: w.lmsSet['cmi.session_time'],
			suspend: cmi.suspend_data,
		}
	}, flavour)
}

/** Plays the whole course in the frame, as a learner would. Returns the bookmark held when it reached the first quiz. */
async function completeCourse(page: Page, frame: FrameLocator, flavour: Flavour): Promise<Bookmark> {
	const quizzes = SEED_LESSONS.filter((l): l is SeedQuiz => l.kind === 'QUIZ')
	await frame.getByRole('button', { name: 'Start the course' }).click()
	let bookmark: Bookmark | null = null
	for (let step = 0; step < 60; step++) {
		// The lesson's own heading (a reading's Markdown may have headings of its own).
		const heading = frame.locator('#lesson-heading')
		await expect(heading).toBeFocused()
		const title = (await heading.textContent())!
		if (title === 'You have finished the course') return bookmark!
		const seed = SEED_LESSONS.find((l) => l.title === title)
		expect(seed, `the demo course has a lesson called “${title}”`).toBeDefined()
		if (seed!.kind !== 'QUIZ') {
			await frame.getByRole('button', { name: /^Mark as (done|watched) and continue$/ }).click()
			continue
		}
		if (!bookmark) {
			// Midway: the LMS holds a bookmark and an incomplete attempt.
			const mid = await lmsState(page, flavour)
			expect(mid.location).toBe(String(SEED_LESSONS.indexOf(seed!)))
			expect(JSON.parse(String(mid.suspend))).toMatchObject({ v: 1 })
			expect(flavour === 'scorm12' ? mid.status : mid.completion).toBe('incomplete')
			bookmark = { location: String(mid.location), suspend: String(mid.suspend) }
		}
		const quiz = seed as SeedQuiz
		const index = quizzes.indexOf(quiz)
		if (index === 0) {
			// Nothing chosen: the problems are listed and focused, nothing is marked.
			await frame.getByRole('button', { name: 'Submit answers' }).click()
			await expect(frame.getByRole('alert')).toBeFocused()
			await expect(frame.getByRole('alert')).toContainText('Question 1: choose an answer.')
			// One wrong of three marked questions: 67%, under the pass mark of 70%.
			await answerQuiz(frame, quiz, [firstMarked(quiz)])
			await expect(frame.getByRole('heading', { name: /^You scored 67%: not yet a pass/ })).toBeFocused()
			await frame.getByRole('button', { name: 'Try again' }).click()
			await answerQuiz(frame, quiz, [])
			await expect(frame.getByRole('heading', { name: /^You scored 100%: you passed/ })).toBeFocused()
		} else if (index === quizzes.length - 1) {
			// One wrong of four marked questions: 75%, still a pass.
			await answerQuiz(frame, quiz, [firstMarked(quiz)])
			await expect(frame.getByRole('heading', { name: /^You scored 75%: you passed/ })).toBeFocused()
		} else {
			await answerQuiz(frame, quiz, [])
			await expect(frame.getByRole('heading', { name: /^You scored 100%: you passed/ })).toBeFocused()
		}
		await frame.getByRole('button', { name: 'Continue' }).click()
	}
	throw new Error('The course did not finish within 60 steps')
}

test('the demo course’s SCORM 1.2 and 2004 packages complete with a passing score under scorm-again', async ({
	page,
	browser,
	a11y,
}) => {
	test.setTimeout(180_000)
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')
	await expect(page).toHaveURL(/\/dashboard/)
	await page.goto('/studio')
	const coursePath = await page.getByRole('link', { name: foundations.title, exact: true }).getAttribute('href')
	await page.goto(`${coursePath}/scorm`)
	await expect(page.getByRole('heading', { level: 1, name: 'SCORM export' })).toBeVisible()
	await a11y()
	const live = page.getByRole('listitem').filter({ hasText: 'Published: live now' })

	for (const flavour of ['scorm12', 'scorm2004'] as const) {
		const label = flavour === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004 4th edition'
		const downloading = page.waitForEvent('download')
		await live.getByRole('link', { name: new RegExp(`^Download ${label} package of version \\d+$`) }).click()
		const download = await downloading
		expect(download.suggestedFilename()).toMatch(new RegExp(`^${foundations.slug}-v\\d+-${flavour}\\.zip$`))
		const dir = await unzipTo(download)
		try {
			// The manifest is well-formed XML in a browser's strict parser too.
			const manifest = await fs.readFile(path.join(dir, 'imsmanifest.xml'), 'utf8')
			const parseError = await page.evaluate(
				(xml) =>
					new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')?.textContent ?? null,
				manifest,
			)
			expect(parseError).toBeNull()

			let midway: Bookmark | null = null
			const learner = await browser.newPage()
			try {
				await serveLms(learner, flavour, dir)
				await learner.goto(`${LMS}/`)
				const frame = learner.frameLocator('iframe[title="Course"]')
				await expect(frame.getByRole('heading', { level: 1, name: foundations.title })).toBeVisible()
				await expect(frame.getByText('Your progress is saved as you go.')).toBeVisible()
				const launch = learner.frames().find((f) => f.url() === `${LMS}/package/index.html`)!
				await expectAccessible(launch)

				midway = await completeCourse(learner, frame, flavour)
				await expectAccessible(launch)
				await frame.getByRole('button', { name: 'Finish and save' }).click()
				await expect(frame.getByRole('heading', { level: 2, name: 'Saved' })).toBeFocused()

				// (100 + 100 + 75) / 3 = 91.67, reported as 92 out of 100.
				const state = await lmsState(learner, flavour)
				if (flavour === 'scorm12') {
					expect(state).toMatchObject({ status: 'passed', raw: '92', min: '0', max: '100' })
					expect(state.sessionTime).toMatch(/^\d{2,4}:\d{2}:\d{2}\.\d{2}$/)
					expect(state.log[0]).toBe('LMSInitialize')
					expect(state.log).toContain('LMSCommit')
					expect(state.log.at(-1)).toBe('LMSFinish')
				} else {
					expect(state).toMatchObject({
						completion: 'completed',
						success: 'passed',
						scaled: '0.92',
						raw: '92',
						min: '0',
						max: '100',
						progress: '1',
						exit: 'normal',
					})
					expect(state.sessionTime).toMatch(/^PT\d+H\d+M\d+\.\d{2}S$/)
					expect(state.log[0]).toBe('Initialize')
					expect(state.log).toContain('Commit')
					expect(state.log.at(-1)).toBe('Terminate')
				}
				// The bookmark names every lesson done and each quiz's best score and attempts.
				const bookmark = JSON.parse(String(state.suspend)) as {
					d: number[]
					q: Record<string, [number, number, number]>
				}
				expect(bookmark.d).toHaveLength(SEED_LESSONS.length)
				expect(Object.values(bookmark.q)).toEqual([
					[100, 2, 1],
					[100, 1, 1],
					[75, 1, 1],
				])
			} finally {
				await learner.close()
			}

			// Resumed from the bookmark of the first attempt: straight back to the first quiz, with
			// the lessons before it done.
			const returning = await browser.newPage()
			try {
				await serveLms(returning, flavour, dir, midway!)
				await returning.goto(`${LMS}/`)
				const frame = returning.frameLocator('iframe[title="Course"]')
				const firstQuiz = SEED_LESSONS.find((l) => l.kind === 'QUIZ')!
				await expect(frame.locator('#lesson-heading')).toHaveText(firstQuiz.title)
				await expect(frame.getByText(`${SEED_LESSONS.indexOf(firstQuiz)} of `)).toBeVisible()
				await expect(frame.getByRole('button', { name: 'Submit answers' })).toBeVisible()
			} finally {
				await returning.close()
			}
		} finally {
			await fs.rm(dir, { recursive: true, force: true })
		}
	}
})

test('a learner cannot open a course’s SCORM page or download a package', async ({ page, a11y }) => {
	await page.goto('/login')
	await logInWithDemoTotp(page, 'trainer@circle.example')
	await page.goto('/studio')
	const coursePath = await page.getByRole('link', { name: foundations.title, exact: true }).getAttribute('href')
	await page.context().clearCookies()
	await page.goto('/login')
	await logInWithDemoTotp(page, 'learner@circle.example')
	const response = await page.goto(`${coursePath}/scorm`)
	expect(response?.status()).toBe(403)
	await a11y()
	const zip = await page.request.get(`${coursePath}/scorm/1/scorm12`)
	expect(zip.status()).toBe(403)
	expect(zip.headers()['content-type']).not.toBe('application/zip')
})
