import { acceptInvitationAsNewPerson, expect, logIn, test, ukDateFromToday, uniqueEmail } from './fixtures.ts'

// The demo organisation from prisma/seed.ts: Tom Hughes owns Riverside Academy Trust, which has
// seats on Relational Practice in Schools; prisma/seed-teams.ts gives it teams and a team manager.
const ORG_ADMIN = { email: 'orgadmin@circle.example', password: 'circle-demo-2026' }
const TEAM_MANAGER = { email: 'manager@circle.example', password: 'circle-demo-2026' }
const ORG = 'riverside-academy-trust'
const COURSE = 'relational-practice-in-schools'

test('an organisation admin creates a team, assigns it a course due in 14 days, and a member of the team sees it on their dashboard', async ({
	page,
	browser,
	a11y,
}) => {
	const member = uniqueEmail('year6')
	const memberName = 'Dafydd ap Gruffydd'
	const teamName = `Year 6 ${Date.now().toString(36)}`
	const due = ukDateFromToday(14)

	// The member joins the trust through an invitation, as staff do.
	await logIn(page, ORG_ADMIN)
	await page.goto(`/org/${ORG}/seats/${COURSE}`)
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
	await expect(memberPage).toHaveURL(new RegExp(`/learn/${COURSE}`))

	// The admin creates a team from the organisation's Teams page…
	await page.goto(`/org/${ORG}`)
	await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Teams' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible()
	// The demo trust's nested teams are there.
	await expect(page.getByRole('table', { name: /Teams of Riverside Academy Trust/ })).toContainText('Oakfield Primary')
	await a11y()
	await page.getByRole('button', { name: 'Create team' }).click()
	await expect(page.getByText('Enter a name for the team')).toBeVisible()
	await page.getByLabel('Team name').fill(teamName)
	await page.getByRole('button', { name: 'Create team' }).click()
	await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible()
	await expect(page.getByText('The team has been created.')).toBeVisible()

	// …adds the member to it…
	await page.getByLabel('Person').selectOption({ label: `${memberName} (${member})` })
	await page.getByRole('button', { name: 'Add to team' }).click()
	await expect(page.getByText(`${memberName} has been added.`)).toBeVisible()
	await expect(page.getByRole('table', { name: `Members of ${teamName}` })).toContainText(memberName)
	await a11y()

	// …and assigns it a course due in 14 days; a date in the past is refused beside the field first.
	await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Assignments' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Assignments' })).toBeVisible()
	await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Restorative Practice Foundations (free)' })
	await page.getByLabel('Assign to', { exact: true }).selectOption({ label: 'A team (and its sub-teams)' })
	await page.getByLabel('Team', { exact: true }).selectOption({ label: teamName })
	await page.getByLabel('Due date', { exact: true }).fill(ukDateFromToday(-1).iso)
	await page.getByRole('button', { name: 'Assign course' }).click()
	await expect(page.getByText('The due date cannot be in the past: choose today or later.')).toBeVisible()
	await expect(page.getByLabel('Team', { exact: true })).toHaveValue(/.+/)
	await page.getByLabel('Due date', { exact: true }).fill(due.iso)
	await page.getByRole('button', { name: 'Assign course' }).click()
	await expect(page.getByText('Assigned to 1 person.')).toBeVisible()
	const rules = page.getByRole('table', { name: 'Courses assigned in Riverside Academy Trust' })
	await expect(rules.getByRole('row').filter({ hasText: teamName })).toContainText(`By ${due.uk}`)
	await a11y()

	// The member sees it on their dashboard, with who assigned it and when it is due.
	await memberPage.goto('/dashboard')
	const assigned = memberPage.getByRole('region', { name: 'Assigned to you' })
	await expect(assigned).toContainText('Restorative Practice Foundations')
	await expect(assigned).toContainText(`Assigned by Riverside Academy Trust · due ${due.uk}`)
	await expect(assigned).toContainText('Due soon')
	await a11y(memberPage)
	await assigned.getByRole('link', { name: /Start/ }).click()
	await expect(memberPage).toHaveURL(/\/learn\/restorative-practice-foundations/)
	await memberContext.close()
})

test('a team manager reaches Compliance, Teams, Assignments and Themes for their own teams only, and Circles as a facilitator', async ({
	page,
	a11y,
}) => {
	await logIn(page, TEAM_MANAGER)
	await page.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'Organisation' }).click()
	// A manager's organisation page is the compliance matrix of their teams.
	await expect(page).toHaveURL(new RegExp(`/org/${ORG}/compliance$`))
	await expect(page.getByText('for the teams you manage')).toBeVisible()
	const nav = page.getByRole('navigation', { name: 'Organisation' })
	await expect(nav.getByRole('link')).toHaveText(['Compliance', 'Teams', 'Assignments', 'Themes', 'Circles'])
	await nav.getByRole('link', { name: 'Teams' }).click()
	const teams = page.getByRole('table', { name: /Teams of Riverside Academy Trust/ })
	await expect(teams).toContainText('Primary schools')
	await expect(teams).toContainText('Early years')
	await expect(teams).not.toContainText('Secondary schools')
	await a11y()
	await nav.getByRole('link', { name: 'Assignments' }).click()
	await expect(page.getByLabel('Assign to', { exact: true }).locator('option')).toHaveText([
		'A team (and its sub-teams)',
		'One person',
	])
	await a11y()
	await page.goto(`/org/${ORG}/members`)
	await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeVisible()
})

test('a team manager adds someone to a team they manage and takes them out again, but cannot make managers', async ({
	page,
	a11y,
}) => {
	await logIn(page, TEAM_MANAGER)
	await page.goto(`/org/${ORG}/teams`)
	await page
		.getByRole('table', { name: /Teams of Riverside Academy Trust/ })
		.getByRole('link', { name: 'Early years' })
		.click()
	await expect(page.getByRole('heading', { level: 1, name: 'Early years' })).toBeVisible()
	await expect(page.getByLabel('Make them a manager of this team')).toHaveCount(0)
	const person = page.getByLabel('Person')
	await person.selectOption({ index: 1 })
	const label = (await person.locator('option:checked').textContent())!
	const name = label.replace(/ \(.*\)$/, '')
	await page.getByRole('button', { name: 'Add to team' }).click()
	await expect(page.getByText(`${name} has been added.`)).toBeVisible()
	const members = page.getByRole('table', { name: 'Members of Early years' })
	await expect(members).toContainText(name)
	await a11y()
	await members.getByRole('button', { name: `Remove ${name} from the team` }).click()
	await expect(page.getByText('They have been taken out of the team.')).toBeVisible()
	await expect(members).not.toContainText(name)
})

test('a team kept by the directory shows where its people come from, and offers no way to change them', async ({
	page,
	a11y,
}) => {
	await logIn(page, ORG_ADMIN)
	await page.goto(`/org/${ORG}/teams`)
	const teams = page.getByRole('table', { name: /Teams of Riverside Academy Trust/ })
	await expect(teams.getByRole('row').filter({ hasText: 'Teaching assistants' })).toContainText('From your directory')
	await teams.getByRole('link', { name: 'Teaching assistants' }).click()
	await expect(page.getByText(/directory keeps this team’s people up to date/)).toBeVisible()
	await expect(page.getByRole('button', { name: 'Add to team' })).toHaveCount(0)
	await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0)
	await expect(page.getByRole('heading', { name: 'Rename' })).toHaveCount(0)
	await a11y()
})

test('after assigning a course to one person, the form is back to a team, with the Team field, and assigns to a team', async ({
	page,
}) => {
	await logIn(page, TEAM_MANAGER)
	await page.goto(`/org/${ORG}/assignments`)
	const due = ukDateFromToday(30)
	await page
		.getByLabel('Course', { exact: true })
		.selectOption({ label: 'Relational Practice in Schools: Annual Refresher (free)' })
	await page.getByLabel('Assign to', { exact: true }).selectOption({ label: 'One person' })
	await expect(page.getByLabel('Team', { exact: true })).toHaveCount(0)
	await page.getByLabel('Person', { exact: true }).selectOption({ index: 1 })
	await page.getByLabel('Due date', { exact: true }).fill(due.iso)
	await page.getByRole('button', { name: 'Assign course' }).click()
	await expect(page.getByRole('status').filter({ hasText: /^Assigned to/ })).toBeVisible()

	// The form is reset to "A team": the field it needs is the one shown (it used to keep Person,
	// and the next press was refused for a team nobody could choose).
	await expect(page.getByLabel('Assign to', { exact: true })).toHaveValue('TEAM')
	await expect(page.getByLabel('Person', { exact: true })).toHaveCount(0)
	await page
		.getByLabel('Course', { exact: true })
		.selectOption({ label: 'Relational Practice in Schools: Annual Refresher (free)' })
	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Early years' })
	await page.getByLabel('Due date', { exact: true }).fill(due.iso)
	await page.getByRole('button', { name: 'Assign course' }).click()
	await expect(page.getByRole('table', { name: 'Courses assigned in Riverside Academy Trust' })).toContainText(
		'Early years',
	)
})
