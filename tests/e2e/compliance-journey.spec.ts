import { execFileSync } from 'node:child_process'
import { type Page } from '@playwright/test'
import pg from 'pg'
import { REFRESHER_COURSE } from '../../prisma/seed-content/schools-refresher.ts'
import { acceptInvitationAsNewPerson, expect, logIn, test, ukDateFromToday, uniqueEmail } from './fixtures.ts'

// The whole journey, in the browser: an organisation admin makes a team and assigns it a
// course due in 14 days; a member sees it on their dashboard and completes it; the compliance matrix
// turns green. Then a year and a month pass for the data (the certificate and the requirement are
// moved back 13 months in the database: the server's clock cannot be moved), the day's renewal job
// runs (`npm run jobs:run -- certificate-renewals`, as an operator would), and the matrix shows the
// member expired, with a new assignment on their dashboard.

const ORG_ADMIN = { email: 'orgadmin@circle.example', password: 'circle-demo-2026' }
const ORG = 'riverside-academy-trust'
const SEAT_COURSE = 'relational-practice-in-schools'
const COURSE = REFRESHER_COURSE

/** The server's database (tests/e2e/server.ts): the embedded one for this E2E_PORT, or circle_e2e. */
function e2eDatabaseUrl() {
	const port = Number(process.env.E2E_PORT ?? 3999)
	const configured = process.env.DATABASE_URL
	if (configured) {
		const url = new URL(configured)
		url.pathname = '/circle_e2e'
		return url.toString()
	}
	return `postgresql://circle:circle@localhost:${port + 50332}/circle`
}

function matrixRow(page: Page, name: string) {
	return page
		.getByRole('table', { name: /Compliance matrix for Riverside Academy Trust/ })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) })
}

test('assigned, completed, green; a year on, expired and assigned again', async ({ page, browser, a11y }) => {
	test.setTimeout(240_000)
	const member = uniqueEmail('journey')
	const memberName = 'Aoife Ní Bhriain'
	const teamName = `Reception ${Date.now().toString(36)}`
	const due = ukDateFromToday(14)

	// The member joins the trust through an invitation.
	await logIn(page, ORG_ADMIN)
	await page.goto(`/org/${ORG}/seats/${SEAT_COURSE}`)
	await page.getByLabel('Email address').fill(member)
	await page.getByRole('button', { name: 'Send invitations' }).click()
	await expect(page.getByText('Invitations sent to 1 person')).toBeVisible()
	const memberContext = await browser.newContext()
	const memberPage = await memberContext.newPage()
	await acceptInvitationAsNewPerson(memberPage, {
		email: member,
		name: memberName,
		password: 'a steady circle of trust',
	})
	await expect(memberPage).toHaveURL(new RegExp(`/learn/${SEAT_COURSE}`))

	// The admin creates a team, puts the member in it, and assigns the team a course due in 14 days.
	await page.goto(`/org/${ORG}/teams`)
	await page.getByLabel('Team name').fill(teamName)
	await page.getByRole('button', { name: 'Create team' }).click()
	await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible()
	await page.getByLabel('Person').selectOption({ label: `${memberName} (${member})` })
	await page.getByRole('button', { name: 'Add to team' }).click()
	await expect(page.getByText(`${memberName} has been added.`)).toBeVisible()
	await page.goto(`/org/${ORG}/assignments`)
	await page.getByLabel('Course', { exact: true }).selectOption({ label: `${COURSE.title} (free)` })
	await page.getByLabel('Assign to', { exact: true }).selectOption({ label: 'A team (and its sub-teams)' })
	await page.getByLabel('Team', { exact: true }).selectOption({ label: teamName })
	await page.getByLabel('Due date', { exact: true }).fill(due.iso)
	await page.getByRole('button', { name: 'Assign course' }).click()
	await expect(page.getByText('Assigned to 1 person.')).toBeVisible()

	// The matrix shows the new requirement, not yet green.
	await page.goto(`/org/${ORG}/compliance?q=${encodeURIComponent(member)}`)
	await expect(matrixRow(page, memberName)).toContainText('Due soon')

	// The member sees it on their dashboard and completes it.
	await memberPage.goto('/dashboard')
	const assigned = memberPage.getByRole('region', { name: 'Assigned to you' })
	await expect(assigned).toContainText(`Assigned by Riverside Academy Trust · due ${due.uk}`)
	await assigned.getByRole('link', { name: /Start/ }).first().click()
	await expect(memberPage).toHaveURL(new RegExp(`/learn/${COURSE.slug}`))
	const lessons = COURSE.modules.flatMap((m) => m.lessons)
	for (const lesson of lessons) {
		await expect(memberPage.locator('#lesson-title')).toHaveText(lesson.title)
		if (lesson.kind === 'READING') {
			// Marking a reading done moves on to the next lesson.
			await memberPage.getByRole('button', { name: /Mark as done/ }).click()
		} else if (lesson.kind === 'QUIZ') {
			for (const q of lesson.questions) {
				if (q.kind === 'REFLECTION') {
					await memberPage.getByLabel(q.prompt).fill('I sat down beside a Year 2 pupil rather than standing over her.')
				} else if (q.kind === 'SINGLE') {
					const right = q.options.find((o) => o.isCorrect)!
					await memberPage
						.locator('fieldset')
						.filter({ has: memberPage.locator('legend', { hasText: q.prompt }) })
						.getByLabel(right.text, { exact: true })
						.check()
				}
			}
			await memberPage.getByRole('button', { name: 'Submit answers' }).click()
			await expect(memberPage.getByRole('heading', { name: /Passed/ })).toBeVisible()
		}
	}
	await expect(memberPage.getByText('You have completed this course')).toBeVisible()

	// The matrix turns green.
	await page.goto(`/org/${ORG}/compliance?q=${encodeURIComponent(member)}`)
	await expect(matrixRow(page, memberName)).toContainText('In date')
	await a11y()

	// A year and a month pass for this member's certificate and requirement; the renewal job runs.
	const db = new pg.Client({ connectionString: e2eDatabaseUrl() })
	await db.connect()
	try {
		const moved = await db.query(
			`UPDATE "Certificate" c SET "completedAt" = c."completedAt" - interval '13 months',
				"issuedAt" = c."issuedAt" - interval '13 months', "validUntil" = c."validUntil" - interval '13 months'
			FROM "User" u WHERE u.id = c."userId" AND u.email = $1 AND c."validUntil" IS NOT NULL`,
			[member],
		)
		expect(moved.rowCount).toBe(1)
		await db.query(
			`UPDATE "LearnerAssignment" la SET "completedAt" = la."completedAt" - interval '13 months',
				"assignedAt" = la."assignedAt" - interval '13 months', "dueOn" = la."dueOn" - interval '13 months'
			FROM "User" u WHERE u.id = la."userId" AND u.email = $1`,
			[member],
		)
	} finally {
		await db.end()
	}
	execFileSync('npx', ['tsx', 'scripts/run-job.ts', 'certificate-renewals'], {
		env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NODE_ENV: 'test' },
		stdio: 'pipe',
	})

	// The matrix now shows the member expired, and the member has been assigned it again.
	await page.goto(`/org/${ORG}/compliance?q=${encodeURIComponent(member)}`)
	await expect(matrixRow(page, memberName)).toContainText('Expired')
	await a11y()
	await memberPage.goto('/dashboard')
	await expect(memberPage.getByRole('region', { name: 'Assigned to you' })).toContainText(COURSE.title)
	await expect(memberPage.getByRole('region', { name: 'Assigned to you' })).toContainText('Expired')
	await a11y(memberPage)
	await memberContext.close()
})
