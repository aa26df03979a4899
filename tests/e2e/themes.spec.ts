import { expect, test } from './fixtures.ts'

// The demo organisation from prisma/seed.ts; its team themes from prisma/seed-themes.ts. The demo team
// manager (manager@circle.example) manages Primary schools and the teams beneath it.
const ORG = 'riverside-academy-trust'

test('a team manager sees their teams’ themes, a small team shows nothing, and they choose what of theirs to share', async ({
	page,
	a11y,
}) => {
	test.setTimeout(120_000)
	await page.goto('/login')
	await page.getByLabel('Email address').fill('manager@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)

	await page.goto(`/org/${ORG}/compliance`)
	await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Themes' }).click()
	await expect(page).toHaveURL(new RegExp(`/org/${ORG}/themes$`))
	await expect(page.getByRole('heading', { level: 1, name: 'Team themes' })).toBeVisible()
	await expect(page.getByLabel('Group')).toHaveValue(/.+/)
	await expect(page.getByRole('table', { name: /Code themes on the reflective accounts of 5 people/ })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Hardest to put into practice' })).toBeVisible()
	// The one reflection shared on purpose, without a name.
	await expect(page.locator('blockquote')).toContainText('slowing down when the corridor is loud')
	await expect(page.getByText('Grace Okoye')).toHaveCount(0)
	await a11y()

	// Riverside High is not theirs to see; the admin's view of it is checked below.
	await expect(page.getByLabel('Group').locator('option', { hasText: 'Riverside High' })).toHaveCount(0)

	// Their own choices: say yes, rate a reflection and share it with the trust.
	await page.goto('/account')
	await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sharing' }).click()
	await expect(page).toHaveURL(/\/account\/themes$/)
	await expect(page.getByText('No: nothing of yours counts in Riverside Academy Trust’s team themes.')).toBeVisible()
	await a11y()
	await page.getByRole('button', { name: 'Say yes for Riverside Academy Trust' }).click()
	await expect(page.getByRole('status')).toContainText('Yes: your choices count')
	const reflection = page.getByRole('form', { name: /Think of a recent situation/ })
	await reflection.getByRole('radio', { name: '5 very hard' }).check()
	await reflection.getByRole('checkbox', { name: 'Riverside Academy Trust' }).check()
	await reflection.getByRole('button', { name: 'Save choices for this reflection' }).click()
	await expect(
		page.getByRole('status').filter({ hasText: 'Your choices for this reflection are saved.' }),
	).toBeVisible()
	// Focus moves to the confirmation, so a screen reader user hears it where they are.
	await expect(page.locator(':focus')).toContainText('Your choices for this reflection are saved.')
	await expect(reflection.getByRole('radio', { name: '5 very hard' })).toBeChecked()
	await expect(reflection.getByRole('checkbox', { name: 'Riverside Academy Trust' })).toBeChecked()
	await a11y()

	// Turning it off withdraws the share too (and leaves the demo as it was).
	await page.getByRole('button', { name: 'Turn off for Riverside Academy Trust' }).click()
	await expect(page.getByText('No: nothing of yours counts in Riverside Academy Trust’s team themes.')).toBeVisible()
	await expect(page.getByRole('checkbox', { name: 'Riverside Academy Trust' })).toHaveCount(0)
})

test('an administrator sees “fewer than five people” for a team with too few who said yes', async ({ page, a11y }) => {
	await page.goto('/login')
	await page.getByLabel('Email address').fill('orgadmin@circle.example')
	await page.getByLabel('Password').fill('circle-demo-2026')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).toHaveURL(/\/dashboard/)
	await page.goto(`/org/${ORG}/themes`)
	await expect(page.getByText(/Riverside Academy Trust: from \d+ people who said yes/)).toBeVisible()
	const riversideHigh = await page
		.getByLabel('Group')
		.locator('option', { hasText: 'Riverside High' })
		.getAttribute('value')
	await page.getByLabel('Group').selectOption(riversideHigh!)
	await page.getByRole('button', { name: 'Show' }).click()
	await expect(page.getByText('Fewer than five people, so nothing is shown')).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Hardest to put into practice' })).toHaveCount(0)
	await a11y()
})
