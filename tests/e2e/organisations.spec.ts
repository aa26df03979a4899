import fs from 'node:fs'
import { expect, followInvitationEmail, logIn, test, uniqueEmail } from './fixtures.ts'

// The demo organisation from prisma/seed.ts: Tom Hughes owns Riverside Academy Trust, which has
// 20 seats on Relational Practice in Schools.
const ORG_ADMIN = { email: 'orgadmin@circle.example', password: 'circle-demo-2026' }
const ORG = 'riverside-academy-trust'
const COURSE = 'relational-practice-in-schools'

test('an organisation admin invites a colleague, who signs up from the email and lands in the course; the admin sees them in the report and downloads the CSV', async ({
	page,
	browser,
	a11y,
}) => {
	const invitee = uniqueEmail('colleague')
	const inviteeName = 'Rhiannon Ó Súilleabháin'

	// The admin finds their organisation from the header.
	await logIn(page, ORG_ADMIN)
	await page.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'Organisation' }).click()
	await expect(page).toHaveURL(new RegExp(`/org/${ORG}$`))
	await expect(page.getByRole('heading', { level: 1, name: 'Riverside Academy Trust' })).toBeVisible()
	await a11y()

	await page.getByRole('link', { name: 'Manage seats for Relational Practice in Schools' }).click()
	await expect(page).toHaveURL(new RegExp(`/org/${ORG}/seats/${COURSE}$`))
	await a11y()

	// One address that is not valid comes back with its row and reason; the valid one is sent.
	await page.getByLabel('A list of addresses').check()
	await page.getByLabel('Email addresses').fill(`${invitee}\nnot-an-address`)
	await page.getByRole('button', { name: 'Send invitations' }).click()
	await expect(page.getByText('Invitations sent to 1 person')).toBeVisible()
	const rejected = page.getByRole('table', { name: 'Addresses that were not invited, with the reason' })
	await expect(rejected.getByRole('row', { name: /2 not-an-address Not a valid email address/ })).toBeVisible()
	await expect(
		page
			.getByRole('table', { name: /Invitations to .* not yet accepted/ })
			.getByRole('cell', { name: invitee, exact: true }),
	).toBeVisible()
	await a11y()

	// The invitee, in their own browser, reads the email in the dev outbox and follows the link.
	const inviteeContext = await browser.newContext()
	const inviteePage = await inviteeContext.newPage()
	await followInvitationEmail(inviteePage, invitee)
	await expect(
		inviteePage.getByRole('heading', { level: 1, name: 'Join Riverside Academy Trust on Circle' }),
	).toBeVisible()
	await expect(inviteePage.getByText('Relational Practice in Schools').first()).toBeVisible()
	await expect(inviteePage.getByLabel('Email address')).toHaveValue(invitee)
	await a11y(inviteePage)

	await inviteePage.getByLabel('Full name').fill(inviteeName)
	await inviteePage.getByLabel('Password').fill('a steady circle of trust')
	await inviteePage.getByRole('button', { name: 'Create account and accept' }).click()
	await expect(inviteePage).toHaveURL(new RegExp(`/learn/${COURSE}`))
	await expect(inviteePage.getByText('Relational Practice in Schools').first()).toBeVisible()
	await a11y(inviteePage)
	await inviteeContext.close()

	// The admin sees them in the team report.
	await page.goto(`/org/${ORG}/report`)
	await page.getByLabel('Name or email').fill(invitee)
	await page.getByRole('button', { name: 'Apply filters' }).click()
	const report = page.getByRole('table', { name: 'Team report for Riverside Academy Trust' })
	const row = report.getByRole('row').filter({ hasText: invitee })
	await expect(row).toContainText(inviteeName)
	await expect(row).toContainText('Not started')
	await expect(page.getByRole('img', { name: /Completions per week/ })).toBeVisible()
	await a11y()

	// …and downloads it as CSV, with the same filter.
	const downloading = page.waitForEvent('download')
	await page.getByRole('link', { name: /Download CSV/ }).click()
	const download = await downloading
	expect(download.suggestedFilename()).toMatch(new RegExp(`^${ORG}-team-report-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
	const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
	const lines = csv.trim().split(/\r?\n/)
	expect(lines[0]).toBe('Course,Name,Email,Status,Invited,Started,Progress (%),Completed,Certificate,Last active')
	expect(lines).toHaveLength(2)
	expect(lines[1]).toContain(`Relational Practice in Schools,${inviteeName},${invitee},Not started`)
})

test('an organisation member cannot open the admin pages, and other people see nothing of the organisation', async ({
	page,
	a11y,
}) => {
	// The demo learner is not part of Riverside Academy Trust: the organisation does not exist for them.
	await logIn(page, { email: 'learner@circle.example', password: 'circle-demo-2026' })
	await expect(
		page.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'Organisation' }),
	).toHaveCount(0)
	const response = await page.goto(`/org/${ORG}/report`)
	expect(response?.status()).toBe(404)
	await a11y()
	const csv = await page.request.get(`/org/${ORG}/report.csv`)
	expect(csv.status()).toBe(404)
})
