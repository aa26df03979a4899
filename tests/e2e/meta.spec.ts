import type { APIRequestContext } from '@playwright/test'
import { course as foundations } from '../../prisma/seed-content/foundations.ts'
import { course as schools } from '../../prisma/seed-content/schools.ts'
import { expect, test } from './fixtures.ts'
import { apiLogInWithDemoTotp } from './totp.ts'

// Every page says what it is in a meta description (search results and shared links show it),
// and no two pages say the same. Pages are read as HTML, as a search engine or a link preview
// would read them, signed in as each kind of user in turn.

async function signedIn(request: APIRequestContext, email: string) {
	// The trainer and admin use two-step sign-in: the helper answers /login/verify too.
	await apiLogInWithDemoTotp(request, email, new URL(test.info().project.use.baseURL!).origin)
}

function descriptionOf(html: string) {
	const tags = [...html.matchAll(/<meta\s+name="description"\s+content="([^"]*)"/g)].map((m) => m[1]!)
	return tags
}

const PAGES: Record<string, string[]> = {
	'': [
		'/',
		'/courses',
		'/courses?sector=schools',
		`/courses/${foundations.slug}`,
		`/courses/${schools.slug}`,
		'/login',
		'/signup',
		'/forgot-password',
		'/verify',
		'/contact',
		'/no-such-page',
	],
	'learner@circle.example': [
		'/dashboard',
		'/cpd',
		'/cpd/new',
		'/account',
		'/account/password',
		'/account/personal-email',
		'/account/security',
		'/account/purchases',
		`/courses/${schools.slug}/buy`,
		'/account/reminders',
		'/programmes',
		'/circles',
		'/records',
		'/records/new/nmc-reflective-account',
		'/records/new/nmc-reflective-discussion',
		'/records/new/swe-cpd',
		'/cpd/revalidation',
	],
	// (/org itself redirects someone with one organisation to it.)
	'orgadmin@circle.example': [
		'/org/riverside-academy-trust',
		'/org/riverside-academy-trust/members',
		'/org/riverside-academy-trust/report',
		'/org/riverside-academy-trust/settings/security',
		`/org/riverside-academy-trust/seats/${schools.slug}`,
		'/org/riverside-academy-trust/compliance',
		'/org/riverside-academy-trust/teams',
		'/org/riverside-academy-trust/assignments',
		'/org/riverside-academy-trust/settings/reminders',
		'/org/riverside-academy-trust/circles',
		'/org/new',
	],
	'trainer@circle.example': [
		'/studio',
		'/studio/new',
		'/studio/programmes',
		'/studio/programmes/new',
		'/studio/circles',
		'/studio/circles/new',
	],
	'admin@circle.example': [
		'/admin',
		'/admin/users',
		'/admin/organisations',
		'/admin/orders',
		'/admin/certificates',
		'/admin/enquiries',
	],
}

test('every page has one meta description, and no two pages share one', async ({ playwright }) => {
	test.setTimeout(120_000)
	const seen = new Map<string, string>()
	for (const [email, paths] of Object.entries(PAGES)) {
		const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
		if (email) await signedIn(request, email)
		for (const path of paths) {
			const response = await request.get(path)
			expect(response.status(), path).toBeLessThan(path === '/no-such-page' ? 500 : 400)
			const descriptions = descriptionOf(await response.text())
			expect(descriptions, `${path} has exactly one meta description`).toHaveLength(1)
			const description = descriptions[0]!
			expect(description.length, `${path}'s description says something`).toBeGreaterThan(30)
			expect(seen.get(description), `${path} has the same description as ${seen.get(description)}`).toBeUndefined()
			seen.set(description, path)
		}
		await request.dispose()
	}
})
