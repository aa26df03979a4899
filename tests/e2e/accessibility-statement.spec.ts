import { KNOWN_ISSUES } from '#app/utils/accessibility-statement.ts'
import { axeViolations, expect, test } from './fixtures.ts'
import { PAGES } from './pages.ts'
import { apiLogInWithDemoTotp } from './totp.ts'

// The accessibility statement may claim no more than the tests find: every page Circle has is
// opened in the browser as the demo account that uses it and checked with axe (WCAG 2.0–2.2, A and
// AA). A failure must be a known issue listed with its axe rule and page (and then the statement
// says "partially compliant", which it works out from the list); a listed axe issue that no longer
// fails must come off the list.

test('the accessibility statement lists every failure axe finds, and nothing it no longer finds', async ({
	browser,
}) => {
	test.setTimeout(600_000)
	const origin = new URL(test.info().project.use.baseURL!).origin
	const failing: string[] = []
	const failingRules = new Map<string, Set<string>>()
	for (const [email, paths] of Object.entries(PAGES)) {
		const context = await browser.newContext()
		if (email) await apiLogInWithDemoTotp(context.request, email, origin)
		const page = await context.newPage()
		for (const path of paths) {
			await page.goto(path)
			const rules = new Set((await axeViolations(page)).map((v) => v.id))
			failingRules.set(path, rules)
			for (const rule of rules) {
				const listed = KNOWN_ISSUES.some((issue) => issue.axe?.rule === rule && issue.axe.paths.includes(path))
				if (!listed)
					failing.push(`${path} (as ${email || 'a visitor'}) fails ${rule}, which the statement does not list`)
			}
		}
		await context.close()
	}
	expect(failing, 'fix these pages or list them in app/utils/accessibility-statement.ts').toEqual([])

	const stale = KNOWN_ISSUES.flatMap((issue) =>
		(issue.axe?.paths ?? [])
			.filter((path) => !failingRules.get(path)?.has(issue.axe!.rule))
			.map((path) => `${issue.axe!.rule} no longer fails on ${path}`),
	)
	expect(stale, 'take fixed issues off the statement').toEqual([])
})

test('the statement says partially compliant while anything is known to fail, and lists each known issue', async ({
	page,
	a11y,
}) => {
	await page.goto('/')
	await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement for Circle' })).toBeVisible()
	const status = page.getByRole('heading', { name: 'Compliance status' }).locator('xpath=following-sibling::p[1]')
	if (KNOWN_ISSUES.length === 0) {
		await expect(status).toHaveText(/is fully compliant with the Web Content Accessibility Guidelines version 2\.2 AA/)
	} else {
		await expect(status).toHaveText(
			/is partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA/,
		)
		for (const issue of KNOWN_ISSUES) await expect(page.getByText(issue.summary).last()).toBeVisible()
	}
	await expect(page.getByRole('heading', { name: 'Enforcement procedure' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'send us a message' })).toHaveAttribute('href', '/contact')
	await a11y()
})
