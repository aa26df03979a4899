import { expect, logIn, test } from './fixtures.ts'

// The demo learner finished the leadership course nine days ago and wrote an action plan; its
// 7-day check is due (prisma/seed-follow-ups.ts). The demo team manager has a reflection to sign off.
const PASSWORD = 'circle-demo-2026'

test('a learner sees the 7-day check due, answers it (a missing answer is shown beside its question), and reads the marked answers', async ({
	page,
	a11y,
}) => {
	await logIn(page, { email: 'learner@circle.example', password: PASSWORD })
	const due = page.getByRole('region', { name: 'Follow-ups due' })
	await expect(due).toContainText('7-day check')
	await a11y()
	await due.getByRole('link', { name: /Open follow-up/ }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'After the course: what now?' })).toBeVisible()
	await expect(page.getByLabel(/What will you change in how you lead/)).toHaveValue(/ward huddle/)
	await a11y()

	const check = page.locator('#check-7')
	await check.getByRole('radio', { name: /Working with people/ }).check()
	await check.getByRole('radio', { name: 'What happened?' }).check()
	await check.getByRole('button', { name: 'Check my answers' }).click()
	// The third question was left: the message is beside it, and the answers chosen are kept.
	await expect(check.getByText('Choose an answer')).toBeVisible()
	await expect(check.getByRole('radio', { name: 'What happened?' })).toBeChecked()
	await a11y()

	await check.getByRole('radio', { name: /So that everyone hears it at once/ }).check()
	await check.getByRole('button', { name: 'Check my answers' }).click()
	const outcome = page.getByRole('status').filter({ hasText: 'Your 7-day check is done' })
	await expect(outcome).toBeVisible()
	await expect(outcome).toBeFocused()
	await expect(check).toContainText('You remembered 3 of 3.')
	await expect(page.locator('#reflection-heading')).toContainText('What changed in your practice')
	await a11y()

	// The plan is saved again; an empty plan is refused beside the field.
	const plan = page.getByLabel(/What will you change in how you lead/)
	await plan.fill('')
	await page.getByRole('button', { name: 'Save changes to my plan' }).click()
	await expect(page.getByText('Write your action plan')).toBeVisible()
	await plan.fill('Check-in rounds at every Monday huddle.')
	await page.getByRole('button', { name: 'Save changes to my plan' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Your action plan is saved' })).toBeFocused()
	await a11y()
})

test('a team manager reads what was sent to them and signs it off', async ({ page, a11y }) => {
	await logIn(page, { email: 'manager@circle.example', password: PASSWORD })
	await page.getByRole('link', { name: 'Read and sign off' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Reflections to sign off' })).toBeVisible()
	await a11y()
	await page.getByRole('link', { name: /Leading a restorative organisation/i }).click()
	await expect(page.getByRole('heading', { level: 2, name: /What changed in their practice/ })).toBeVisible()
	await a11y()
	await page.getByLabel('A comment back (optional)').fill('Thank you: the rota change came from that circle.')
	await page.getByRole('button', { name: 'Sign off' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Signed off.' })).toBeFocused()
	await expect(page.getByText('You signed this off on')).toBeVisible()
	await a11y()
})
